# Draws a log-log line chart as SVG (no plotting packages needed), for bench/run.sh.
#   awk -v title="..." -v xlabel="..." -v ylabel="..." -f scaling_svg.awk DATA > chart.svg
# DATA: one point per line, "series<TAB>x<TAB>y" (x, y > 0; the series name may contain
# spaces); series are drawn in order of first appearance, points in the order given.

BEGIN { FS = "\t" }

function log10(v) { return log(v) / log(10) }
function px(v) { return left + (log10(v) - xlo) / (xhi - xlo) * width }
function py(v) { return top + height - (log10(v) - ylo) / (yhi - ylo) * height }
function label(e) {
  if (e >= 0 && e < 5) return sprintf("%d", 10 ^ e)
  if (e >= -3 && e < 0) return sprintf("%g", 10 ^ e)
  return sprintf("1e%d", e)
}

$2 > 0 && $3 > 0 {
  if (!($1 in seen)) { seen[$1] = 1; names[++nseries] = $1 }
  n = ++count[$1]
  xs[$1, n] = $2; ys[$1, n] = $3
  if (!init || $2 < xmin) xmin = $2
  if (!init || $2 > xmax) xmax = $2
  if (!init || $3 < ymin) ymin = $3
  if (!init || $3 > ymax) ymax = $3
  init = 1
}

END {
  left = 80; top = 40; width = 560; height = 360; legend = 190
  if (!init) { xmin = 1; xmax = 10; ymin = 1; ymax = 10 }
  xlo = int(log10(xmin) + 100) - 100; xhi = -int(-log10(xmax) + 100) + 100
  ylo = int(log10(ymin) + 100) - 100; yhi = -int(-log10(ymax) + 100) + 100
  if (xhi <= xlo) xhi = xlo + 1
  if (yhi <= ylo) yhi = ylo + 1
  split("#1f77b4 #d62728 #2ca02c #ff7f0e #9467bd #8c564b #e377c2 #7f7f7f", colors, " ")
  printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" ", \
         left + width + legend, top + height + 60
  printf "font-family=\"sans-serif\" font-size=\"12\">\n"
  printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
  printf "<text x=\"%d\" y=\"22\" font-size=\"15\" text-anchor=\"middle\">%s</text>\n", \
         left + width / 2, title
  for (e = xlo; e <= xhi; ++e) {
    x = px(10 ^ e)
    printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n", x, top, x, top + height
    printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, top + height + 18, label(e)
  }
  for (e = ylo; e <= yhi; ++e) {
    y = py(10 ^ e)
    printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", left, y, left + width, y
    printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", left - 6, y + 4, label(e)
  }
  printf "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>\n", \
         left, top, width, height
  printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", \
         left + width / 2, top + height + 40, xlabel
  printf "<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">%s</text>\n", \
         top + height / 2, top + height / 2, ylabel
  for (s = 1; s <= nseries; ++s) {
    # A command's CPU-time series shares its wall-time colour, dashed; lookml-parser is black.
    name = names[s]; base = name; dash = ""
    if (sub(/ \(cpu\)$/, "", base)) dash = " stroke-dasharray=\"6,4\""
    if (!(base in base_color)) {
      base_color[base] = base ~ /lookml-parser/ ? "#000000" : colors[nbase++ % 8 + 1]
    }
    color = base_color[base]; points = ""
    for (i = 1; i <= count[name]; ++i) {
      points = points sprintf("%.1f,%.1f ", px(xs[name, i]), py(ys[name, i]))
    }
    printf "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n", points, \
           color, dash
    for (i = 1; i <= count[name]; ++i) {
      printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s: %g, %g</title></circle>\n", \
             px(xs[name, i]), py(ys[name, i]), color, name, xs[name, i], ys[name, i]
    }
    ly = top + 10 + s * 20
    printf "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>\n", \
           left + width + 15, ly - 4, left + width + 40, ly - 4, color, dash
    printf "<text x=\"%d\" y=\"%d\">%s</text>\n", left + width + 46, ly, name
  }
  printf "</svg>\n"
}
