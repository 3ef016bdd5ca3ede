# Embeds every rule file under rules/ (*.toml, *.tsv) into notices_core. Included from the
# top-level CMakeLists.txt: a custom command's output is only usable in its own folder.
file(GLOB_RECURSE NOTICES_RULE_FILES CONFIGURE_DEPENDS RELATIVE ${PROJECT_SOURCE_DIR}/rules
     ${PROJECT_SOURCE_DIR}/rules/*.toml ${PROJECT_SOURCE_DIR}/rules/*.tsv)
list(SORT NOTICES_RULE_FILES)
set(NOTICES_RULE_PATHS "")
foreach(rel IN LISTS NOTICES_RULE_FILES)
  list(APPEND NOTICES_RULE_PATHS ${PROJECT_SOURCE_DIR}/rules/${rel})
endforeach()
set(out ${PROJECT_BINARY_DIR}/rules/builtin_rules.cc)
add_custom_command(
  OUTPUT ${out}
  COMMAND ${CMAKE_COMMAND} -DOUTPUT=${out} -DROOT=${PROJECT_SOURCE_DIR}/rules
          "-DFILES=${NOTICES_RULE_FILES}" -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
  DEPENDS ${NOTICES_RULE_PATHS} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
  COMMENT "Embedding rules/ into the binary"
  VERBATIM)
target_sources(notices_core PRIVATE ${out})
