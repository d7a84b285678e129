# ctest bench_smoke: cmake -DGEN=... -DBENCH=... -DDIR=... -P smoke.cmake
# Generates a 10-view project twice (the bytes must be identical: the generator is
# deterministic), then runs every parser benchmark once on it. Checks no timings.
file(REMOVE_RECURSE ${DIR})
foreach(copy a b)
  execute_process(COMMAND ${GEN} --views 10 --fields 20 --out ${DIR}/${copy}
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lkml_gen_project failed: ${rc}")
  endif()
endforeach()
file(GLOB_RECURSE files RELATIVE ${DIR}/a ${DIR}/a/*.lkml)
list(LENGTH files count)
if(count LESS 5)
  message(FATAL_ERROR "lkml_gen_project wrote only ${count} files")
endif()
foreach(f ${files})
  file(SHA256 ${DIR}/a/${f} ha)
  file(SHA256 ${DIR}/b/${f} hb)
  if(NOT ha STREQUAL hb)
    message(FATAL_ERROR "lkml_gen_project is not deterministic: ${f} differs")
  endif()
endforeach()
execute_process(COMMAND ${GEN} --fields 20 --single-file ${DIR}/single.view.lkml --size-mb 0.05
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT EXISTS ${DIR}/single.view.lkml)
  message(FATAL_ERROR "lkml_gen_project --single-file failed: ${rc}")
endif()
execute_process(COMMAND ${BENCH} --lkml_project=${DIR}/a --lkml_file=${DIR}/single.view.lkml
                        --benchmark_min_time=0.01 --benchmark_filter=generated|single_file
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lkml_parse_bench failed: ${rc}")
endif()
message(STATUS "bench smoke: ${count} generated files, benchmarks ran")
