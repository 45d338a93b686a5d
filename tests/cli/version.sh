# --version and -V print "colreflow MAJOR.MINOR.PATCH" and exit 0.
long=$("$COLREFLOW" --version) || exit $?
short=$("$COLREFLOW" -V) || exit $?
[ "$long" = "$short" ] || echo "-V and --version differ"
case $long in
  "colreflow "[0-9]*.[0-9]*.[0-9]*) echo ok ;;
  *) echo "unexpected: $long" ;;
esac
