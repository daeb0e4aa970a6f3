# windows_zones.cmake - the table of Windows zone ids (ics_zone_names.c)
# made from the Unicode CLDR's windowsZones.xml at build time:
#
#   cmake -DIN=.../windowsZones.xml -DOUT=ics_windows_zones.inc -P windows_zones.cmake
#
# Each <mapZone other="ID" territory="001" type="IANA"/> (the zone a Windows
# id stands for in the world at large) becomes { "ID", "IANA" }, sorted by
# id in byte order for bsearch.
file(STRINGS "${IN}" map_zones REGEX "<mapZone [^>]*territory=\"001\"")
# Sorted by id alone: each row is "ID<SOH>IANA" until it is written (SOH
# sorts before any character of an id, so "X" comes before "X (Mexico)").
string(ASCII 1 soh)
set(rows "")
foreach(line IN LISTS map_zones)
  if(NOT line MATCHES "other=\"([^\"]+)\"")
    message(FATAL_ERROR "${IN}: a mapZone without other=: ${line}")
  endif()
  set(id "${CMAKE_MATCH_1}")
  if(NOT line MATCHES "type=\"([^\" ]+)\"")
    message(FATAL_ERROR "${IN}: ${id} has no single type=")
  endif()
  list(APPEND rows "${id}${soh}${CMAKE_MATCH_1}")
endforeach()
list(LENGTH rows n)
if(n EQUAL 0)
  message(FATAL_ERROR "${IN} maps no Windows zone (territory 001)")
endif()
list(SORT rows COMPARE STRING)
list(TRANSFORM rows REPLACE "^([^${soh}]*)${soh}(.*)$" "\t{ \"\\1\", \"\\2\" },")
list(JOIN rows "\n" body)
file(WRITE "${OUT}.tmp"
  "/* Made from ${IN} by src/ics/windows_zones.cmake: do not edit. */\n${body}\n")
file(RENAME "${OUT}.tmp" "${OUT}")
