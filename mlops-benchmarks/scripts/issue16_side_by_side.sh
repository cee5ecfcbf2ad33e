#!/bin/bash
# The side-by-side figures of issue 16 items 19-22 (CSV read, check suite, row predicates, memory of a
# whole profile), each with pandas on the same files, in one run. Build first:
#   mvn -B -q package -DskipTests
# Usage: mlops-benchmarks/scripts/issue16_side_by_side.sh
set -u
cd "$(dirname "$0")/../.."
J=mlops-benchmarks/target/benchmarks.jar
F=$(java -cp $J dev.mlops.benchmarks.NumericCsvFile)
O=target/benchmark-results/issue16; mkdir -p $O
java -cp $J dev.mlops.benchmarks.CheckSuiteBenchmark target/benchmark-data/checks-10m.bin > /dev/null
java -cp $J dev.mlops.benchmarks.RowPredicateBenchmark target/benchmark-data/people-10m.csv > /dev/null
echo "== CSV read, one core  $(uptime)"
taskset -c 0 java -jar $J 'CsvReadBenchmark.(inferTypes|givenSchema)' -f 1 -wi 3 -i 5 -jvmArgsAppend -XX:+UseG1GC -rf json -rff $O/csv-one.json 2>&1 | grep -E "^CsvReadBenchmark|^Benchmark"
echo "== CSV read, all cores  $(uptime)"
java -jar $J 'CsvReadBenchmark.(inferTypes|givenSchema)' -f 1 -wi 3 -i 5 -rf json -rff $O/csv-all.json 2>&1 | grep -E "^CsvReadBenchmark|^Benchmark"
echo "== pandas read_csv  $(uptime)"
/usr/bin/python3 mlops-benchmarks/scripts/pandas_read_csv.py $F --warmup 1 --runs 7 2>&1 | tail -6
echo "== check suite  $(uptime)"
java -jar $J 'CheckSuiteBenchmark.run$' -f 1 -wi 3 -i 5 2>&1 | grep -E "^CheckSuiteBenchmark|^Benchmark"
echo "== pandas checks  $(uptime)"
/usr/bin/python3 mlops-benchmarks/scripts/pandas_checks.py target/benchmark-data/checks-10m.bin --runs 5 2>&1 | tail -4
echo "== predicates  $(uptime)"
java -jar $J 'RowPredicateBenchmark.(countMatching|rowByRow)' -f 1 -wi 3 -i 5 2>&1 | grep -E "^RowPredicateBenchmark|^Benchmark"
taskset -c 0 java -jar $J 'RowPredicateBenchmark.countMatching' -f 1 -wi 3 -i 5 2>&1 | grep -E "^RowPredicateBenchmark"
echo "== pandas mask  $(uptime)"
/usr/bin/python3 mlops-benchmarks/scripts/pandas_query.py target/benchmark-data/people-10m.csv --runs 10 2>&1 | tail -4
echo "== memory: mlops profile  $(uptime)"
/usr/bin/time -v java -jar mlops-cli/target/mlops.jar profile $F > /dev/null 2> $O/mem-mlops.txt; grep -E "Maximum resident|Elapsed" $O/mem-mlops.txt
/usr/bin/time -v /usr/bin/python3 -c "import pandas as pd; df=pd.read_csv('$F'); df.describe(); df.nunique()" 2> $O/mem-pandas.txt; grep -E "Maximum resident|Elapsed" $O/mem-pandas.txt
echo "== done $(uptime)"
