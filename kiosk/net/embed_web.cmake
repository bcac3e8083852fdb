# Writes OUTPUT: a C++ file holding every file of the phone page as bytes (see web_assets.hpp).
# Run at build time by kiosk/net/CMakeLists.txt whenever a file in web/ changes.
string(REPLACE "|" ";" FILES "${FILES}")
set(entries "")
set(arrays "")
set(index 0)
foreach(path IN LISTS FILES)
  get_filename_component(name "${path}" NAME)
  get_filename_component(ext "${path}" LAST_EXT)
  file(READ "${path}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(LENGTH "${hex}" hex_length)
  math(EXPR length "${hex_length} / 2")
  if(ext STREQUAL ".js")
    set(type "text/javascript; charset=utf-8")
  elseif(ext STREQUAL ".css")
    set(type "text/css; charset=utf-8")
  else()
    set(type "text/html; charset=utf-8")
  endif()
  # Templates (*.html) are filled in by the API; scripts and styles are served as they are.
  if(ext STREQUAL ".html")
    set(public "false")
  else()
    set(public "true")
  endif()
  string(APPEND arrays "const unsigned char data_${index}[] = {${bytes} 0};\n")
  string(APPEND entries "    {\"${name}\", \"${type}\", {reinterpret_cast<const char*>(data_${index}), ${length}}, ${public}},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from kiosk/net/web/ by embed_web.cmake. Do not edit.\n"
  "#include \"kiosk/net/web_assets.hpp\"\n\nnamespace kiosk::net {\nnamespace {\n${arrays}\n"
  "const WebAsset assets[] = {\n${entries}};\n}  // namespace\n\n"
  "const WebAsset* find_web_asset(std::string_view name) {\n"
  "    for (const auto& asset : assets)\n        if (asset.name == name) return &asset;\n    return nullptr;\n}\n\n"
  "}  // namespace kiosk::net\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
