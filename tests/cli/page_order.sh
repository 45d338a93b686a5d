# A PAGE file comes back with a new ReadingOrder listing every region once.
"$COLREFLOW" -f page "$DATA/data/page/ulb/1667522809_J_0073_0512.gt.xml" |
  grep -o 'RegionRefIndexed index="[0-9]*" regionRef="[^"]*"'
