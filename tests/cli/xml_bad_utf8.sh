# XML text that is not UTF-8 (and not declared otherwise) is refused with the line.
printf '<PcGts><Page>\n<TextRegion id="a"><Coords points="0,0 9,9"/><TextLine><TextEquiv><Unicode>ab\377</Unicode></TextEquiv></TextLine></TextRegion></Page></PcGts>\n' > bad.xml
"$COLREFLOW" bad.xml
