#!/bin/sh
# Runs the CSV read comparison of docs/benchmarks.md from the repository root:
#  1. generates (or reuses) the 100 MB file;
#  2. CsvReadBenchmark with the house JMH setting (-f 1 -wi 3 -i 5, average time), on all cores, then
#     pinned to one core (taskset -c 0; the reader uses as many threads as the JVM sees processors);
#  3. a longer JMH run in sample mode (5 warm-up and 15 measured seconds per benchmark, every
#     read timed), because one read takes about a second and 5 iterations give wide error bars;
#  4. pandas.read_csv on the same file (2 warm-up and 15 timed reads per variant);
# printing the load average before and after each run. Results go to OUTPUT_DIR.
# Build first: mvn -B -q -pl mlops-core,mlops-data,mlops-benchmarks package -DskipTests
# Usage: mlops-benchmarks/scripts/run_csv_read.sh [OUTPUT_DIR]   (default target/benchmark-results)
set -eu
out=${1:-target/benchmark-results}
mkdir -p "$out"
jar=mlops-benchmarks/target/benchmarks.jar
scripts=$(dirname "$0")

file=$(java -cp "$jar" dev.mlops.benchmarks.NumericCsvFile)
echo "file: $file ($(stat -c %s "$file") bytes)"

echo "before JMH: $(uptime)"
java -jar "$jar" CsvReadBenchmark -f 1 -wi 3 -i 5 -rf json -rff "$out/csv-read.json" > "$out/csv-read.txt"
echo "after JMH:  $(uptime)"
/usr/bin/python3 "$scripts/jmh_mbps.py" "$out/csv-read.json" "$file"

echo "before JMH on one core (taskset -c 0): $(uptime)"
taskset -c 0 java -jar "$jar" 'CsvReadBenchmark.(inferTypes|givenSchema)' -f 1 -wi 3 -i 5 -jvmArgsAppend -XX:+UseG1GC \
  -rf json -rff "$out/csv-read-one-core.json" > "$out/csv-read-one-core.txt"
echo "after JMH on one core:  $(uptime)"
/usr/bin/python3 "$scripts/jmh_mbps.py" "$out/csv-read-one-core.json" "$file"

echo "before JMH sample mode: $(uptime)"
java -jar "$jar" 'CsvReadBenchmark.(inferTypes|givenSchema|tokenizeOnly)' -f 1 -bm sample -tu ms -wi 5 -i 15 \
  -rf json -rff "$out/csv-read-sample.json" > "$out/csv-read-sample.txt"
echo "after JMH sample mode:  $(uptime)"
/usr/bin/python3 "$scripts/jmh_mbps.py" "$out/csv-read-sample.json" "$file"

echo "before pandas: $(uptime)"
/usr/bin/python3 "$scripts/pandas_read_csv.py" "$file" --warmup 2 --runs 15 | tee "$out/pandas.txt"
echo "after pandas:  $(uptime)"
