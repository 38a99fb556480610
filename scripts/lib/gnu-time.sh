# Sourced by the benchmark scripts: figures from a report of GNU time's -v (/usr/bin/time -v -o F).
# "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34": as printed, and in seconds.
wall_clock() { grep 'Elapsed (wall clock)' "$1" | awk '{print $NF}'; }
wall_seconds() {
  wall_clock "$1" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'
}
# Peak resident set size in MiB (GNU time reports kB).
rss_mib() { grep 'Maximum resident set size' "$1" | awk '{printf "%d", $NF / 1024}'; }
