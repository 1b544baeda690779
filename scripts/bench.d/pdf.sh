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
  echo "bench: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $(loadavg)"
  echo "bench: the largest document: $(basename "$pdf") ($(du -k "$pdf" | cut -f1) KiB, $pages pages)"
  hyperfine --style basic --warmup "$warmup" --runs "$runs" --export-json "$work/pdf.json" \
    --prepare "rm -rf $(q "$work/out")" \
    -n "crossfoot extract" "$(q "$launcher") extract $(q "$pdf") -o $(q "$work/out") -q" \
    -n "pdftotext -layout" "pdftotext -layout $(q "$pdf") $(q "$work/layout.txt")" >&2
  local ours theirs
  ours="$(median "$work/pdf.json" 1)"
  theirs="$(median "$work/pdf.json" 2)"
  echo
  echo "## PDF extraction ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "| measure | crossfoot | reference | ratio | target |"
  echo "|---|---:|---:|---:|---|"
  python3 - "$ours" "$theirs" "$(basename "$pdf")" "$pages" <<'PY'
import sys
ours, theirs, name, pages = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
ratio = ours / theirs
print(f"| extract {name} ({pages} pages), median wall | {ours:.2f} s | `pdftotext -layout` {theirs:.2f} s | "
      f"{ratio:.1f}x | <= 3x ({'met' if ratio <= 3 else 'not met'}) |")
PY
  echo
  echo "bench: load average at the end $(loadavg)"
  rm -rf "$work"
}
