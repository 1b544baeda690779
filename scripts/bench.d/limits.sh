# scripts/bench --limits: the worst input crossfoot accepts of each kind, timed beside the same input at half the
# size (time that grows linearly gives a ratio near 2; start-up pulls it below) and beside the bundled fixture.
# Sourced by scripts/bench; uses its helpers (die, loadavg, q) and variables (root, here, launcher, fixture, quick).
limits_bench() {
  local work runs=3
  [ "$quick" = 1 ] && runs=1
  work="$(mktemp -d "${TMPDIR:-/tmp}/crossfoot-bench-limits.XXXXXX")"
  local announcement="$root/fixtures/sensetime-2023-announcement.txt"
  echo "bench: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $(loadavg)"
  echo "bench: crossfoot $(git -C "$root" describe --always --dirty 2>/dev/null || echo '?'); interleaved rounds (limit, half, reference), runs $runs, no warm-up"
  "$launcher" --version >/dev/null
  local kind scale
  for kind in tall wide digits yaml text; do
    for scale in 1 0.5; do
      case "$kind" in
        yaml) python3 "$here/limits.py" yaml --fixture "$fixture" --out "$work/$kind-$scale" --scale "$scale" ;;
        text) python3 "$here/limits.py" text --announcement "$announcement" --out "$work/$kind-$scale.txt" --scale "$scale" ;;
        *) python3 "$here/limits.py" "$kind" --out "$work/$kind-$scale" --scale "$scale" ;;
      esac | sed 's/^/   /'
    done
  done
  # exit 1 (findings) is what the failing inputs are built for; anything else ends the measurement
  ok() { printf '%s; [ $? -le 1 ]' "$1"; }
  local results="$work/results.tsv"
  : >"$results"
  for kind in tall wide digits yaml text; do
    local at half ref prepare=""
    if [ "$kind" = text ]; then
      at="$(q "$launcher") extract $(q "$work/text-1.txt") -o $(q "$work/out") -q"
      half="$(q "$launcher") extract $(q "$work/text-0.5.txt") -o $(q "$work/out") -q"
      ref="$(q "$launcher") extract $(q "$announcement") -o $(q "$work/out") -q"
      prepare="rm -rf $(q "$work/out")"
    else
      at="$(q "$launcher") check -q $(q "$work/$kind-1")"
      half="$(q "$launcher") check -q $(q "$work/$kind-0.5")"
      ref="$(q "$launcher") check -q $(q "$fixture")"
    fi
    echo "bench: $kind" >&2
    python3 "$here/interleave.py" --warmup 0 --runs "$runs" --json "$work/$kind.json" ${prepare:+--prepare "$prepare"} \
      "limit" "$(ok "$at")" "half" "$(ok "$half")" "reference" "$(ok "$ref")" >&2 || die "a timed command failed ($kind)"
    printf '%s\t%s\n' "$kind" "$work/$kind.json" >>"$results"
  done
  echo
  echo "## Worst accepted inputs ($(date -u +%Y-%m-%d), $(nproc) cores, commit $(git -C "$root" describe --always --dirty 2>/dev/null || echo '?'))"
  echo
  python3 - "$results" <<'PY'
import json, sys
what = {
    "tall": ("124,997 rows, 16 MiB, a failing sum over every row", "`check` of the bundled fixture"),
    "wide": ("1,000 columns x 247 rows, every row and column failing", "`check` of the bundled fixture"),
    "digits": ("the tall table with 25-digit figures and a 30-digit total", "`check` of the bundled fixture"),
    "yaml": ("the fixture with 80 titles of 100,000 characters (8.1 MB of rules)", "`check` of the bundled fixture"),
    "text": ("`extract` of 15 MiB: a 999-column table and lines of 100,000 characters", "`extract` of the bundled announcement"),
}
print("| input at the limits | median wall | at half the size | ratio (linear: about 2 or less) | reference | ratio to it |")
print("|---|---:|---:|---:|---|---:|")
for line in open(sys.argv[1]):
    kind, path = line.rstrip("\n").split("\t")
    c = json.load(open(path))["commands"]
    at, half, ref = c["limit"]["median"], c["half"]["median"], c["reference"]["median"]
    print(f"| {kind}: {what[kind][0]} | {at:.1f} s | {half:.1f} s | {c['half']['ratio_per_round']:.2f}x | "
          f"{what[kind][1]} {ref:.2f} s | {c['reference']['ratio_per_round']:.1f}x |")
PY
  echo
  echo "bench: load average at the end $(loadavg)"
  if [ "$keep" = 1 ]; then echo "bench: inputs kept in $work"; else rm -rf "$work"; fi
}
