# scripts/bench --pdf: PDF extraction of the largest real document beside pdftotext -layout on the same file.
# Sourced by scripts/bench; uses its helpers (die, loadavg, install_missing) and variables (root, launcher, quick).
pdf_bench() {
  local dir="$root/../shared/realdata/announcements"
  [ -d "$dir" ] || die "no $dir: the real announcements are not in the repository (see its README)"
  command -v pdftotext >/dev/null || {
    local sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    echo "bench: installing poppler-utils (pdftotext)" >&2
    "${sudo[@]}" apt-get update -qq && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
  }
  local pdf
  pdf="$(ls -S "$dir"/*.pdf | head -1)"
  local pages
  pages="$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')"
  local work
  work="$(mktemp -d "${TMPDIR:-/tmp}/crossfoot-bench-pdf.XXXXXX")"
  local warmup=1 runs=5
  [ "$quick" = 1 ] && warmup=0 runs=2
  "$launcher" --version >/dev/null
  local extra=()
  if [ -n "$baseline" ]; then
    [ -x "$baseline/scripts/crossfoot" ] || die "--baseline $baseline: no scripts/crossfoot there"
    "$baseline/scripts/crossfoot" --version >/dev/null
    extra=("baseline $(git -C "$baseline" describe --always --dirty 2>/dev/null || echo "$baseline")"
           "$(q "$baseline/scripts/crossfoot") extract $(q "$pdf") -o $(q "$work/out") -q")
  fi
  echo "bench: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $(loadavg)"
  echo "bench: the largest document: $(basename "$pdf") ($(du -k "$pdf" | cut -f1) KiB, $pages pages)"
  echo "bench: crossfoot $(git -C "$root" describe --always --dirty 2>/dev/null || echo '?'); interleaved rounds (crossfoot, pdftotext${baseline:+, baseline}), warm-up $warmup, runs $runs"
  python3 "$here/interleave.py" --warmup "$warmup" --runs "$runs" --json "$work/pdf.json" \
    --prepare "rm -rf $(q "$work/out")" \
    "crossfoot extract" "$(q "$launcher") extract $(q "$pdf") -o $(q "$work/out") -q" \
    "pdftotext -layout" "pdftotext -layout $(q "$pdf") $(q "$work/layout.txt")" "${extra[@]}" >&2 || die "a timed command failed"
  local ours theirs ratio
  ours="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["commands"]["crossfoot extract"]["median"])' "$work/pdf.json")"
  theirs="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["commands"]["pdftotext -layout"]["median"])' "$work/pdf.json")"
  ratio="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["commands"]["pdftotext -layout"]["ratio_per_round"])' "$work/pdf.json")"
  echo
  echo "## PDF extraction ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "| measure | crossfoot | reference | ratio | target |"
  echo "|---|---:|---:|---:|---|"
  python3 - "$ours" "$theirs" "$ratio" "$(basename "$pdf")" "$pages" <<'PY'
import sys
ours, theirs, ratio, name, pages = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
print(f"| extract {name} ({pages} pages), median wall | {ours:.2f} s | `pdftotext -layout` {theirs:.2f} s | "
      f"{ratio:.1f}x | <= 3x ({'met' if ratio <= 3 else 'not met'}) |")
PY
  if [ -n "$baseline" ]; then
    python3 - "$work/pdf.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))["commands"]
name = [k for k in c if k.startswith("baseline")][0]
b, ours = c[name], c["crossfoot extract"]
print(f"| {name}: extract, median wall | {b['median']:.2f} s | this checkout {ours['median']:.2f} s | "
      f"{b['ratio_per_round']:.2f}x its time (per-round median) | |")
PY
  fi
  echo
  echo "bench: load average at the end $(loadavg)"
  rm -rf "$work"
}
