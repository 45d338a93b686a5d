// The C++ API from an installed colreflow: the repair log of a file.
#include <iostream>

#include <colreflow/colreflow.hpp>

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  try {
    const colreflow::engine engine;
    const colreflow::document doc = engine.repair_file(argv[1]);
    std::size_t low = 0;
    for (const colreflow::repair_entry &r : doc.repairs()) low += r.confidence < 0.6;
    std::cout << doc.repairs().size() << " repairs, " << low << " for review\n";
  } catch (const colreflow::error &e) {
    std::cerr << "consumer: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
