# ctest parse_fast_path_diff: cmake -DDIGEST=... -DOUT=... -DINPUTS="a;b" -P parse_diff.cmake
# grammar::parse builds the trees of valid members without ANTLR (see grammar/parse.cpp). This
# checks, on real files and on mutations of them that exercise error recovery, that the result
# (every node, span, comment and diagnostic) equals parsing everything with ANTLR.
set(existing)
foreach(input ${INPUTS})
  if(EXISTS ${input})
    list(APPEND existing ${input})
  endif()
endforeach()
if(NOT existing)
  message(STATUS "parse_fast_path_diff: no inputs found, nothing to compare")
  return()
endif()
execute_process(COMMAND ${DIGEST} --mutations 4 ${existing}
                OUTPUT_FILE ${OUT}.fast RESULT_VARIABLE rc1)
execute_process(COMMAND ${CMAKE_COMMAND} -E env LKML_PARSE_ANTLR_ONLY=1
                        ${DIGEST} --mutations 4 ${existing}
                OUTPUT_FILE ${OUT}.antlr RESULT_VARIABLE rc2)
if(NOT rc1 EQUAL 0 OR NOT rc2 EQUAL 0)
  message(FATAL_ERROR "lkml_tree_digest failed: ${rc1} ${rc2}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}.fast ${OUT}.antlr
                RESULT_VARIABLE differ)
if(differ)
  message(FATAL_ERROR "fast path and ANTLR-only parse differ: diff ${OUT}.fast ${OUT}.antlr")
endif()
file(STRINGS ${OUT}.fast files REGEX "^== ")
list(LENGTH files count)
message(STATUS "parse_fast_path_diff: ${count} inputs parse identically")
