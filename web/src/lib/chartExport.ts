// A chart as a file of its own: the SVG with the page's styles written into it (outside the page its CSS
// classes mean nothing), and a PNG drawn from that SVG on a canvas at twice the size, for reports.

/** The styles a chart's look depends on; the rest is layout the SVG's attributes already hold. */
const STYLED = [
  "fill",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
];

const SVG_NS = "http://www.w3.org/2000/svg";
/** Room around the chart in the file, and for its title above it. */
const PAD = 16;
const TITLE_H = 28;

/**
 * The chart as a standalone SVG document with its title written above it (a report's figure needs it),
 * styles inlined, on a white background; with the document's size, for the PNG.
 */
export function svgDocument(
  svg: SVGSVGElement,
  title: string,
): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [clone, ...clone.querySelectorAll("*")];
  originals.forEach((el, i) => {
    const style = getComputedStyle(el);
    const copy = copies[i] as SVGElement;
    copy.removeAttribute("class");
    // As presentation attributes, not a style attribute: the page's CSP forbids inline styles.
    for (const p of STYLED) {
      const value = style.getPropertyValue(p);
      if (value) copy.setAttribute(p, value);
    }
  });
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width) + 2 * PAD;
  const height = Math.round(box.height) + TITLE_H + 2 * PAD;
  const doc = document.createElementNS(SVG_NS, "svg");
  doc.setAttribute("xmlns", SVG_NS);
  doc.setAttribute("width", String(width));
  doc.setAttribute("height", String(height));
  doc.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#ffffff");
  const heading = document.createElementNS(SVG_NS, "text");
  heading.setAttribute("x", String(PAD));
  heading.setAttribute("y", String(PAD + 16));
  heading.setAttribute("font-weight", "600");
  heading.setAttribute("font-size", "16px");
  heading.setAttribute("font-family", getComputedStyle(svg).getPropertyValue("font-family"));
  heading.setAttribute("fill", getComputedStyle(svg).getPropertyValue("color") || "#000000");
  heading.textContent = title;
  clone.setAttribute("x", String(PAD));
  clone.setAttribute("y", String(PAD + TITLE_H));
  clone.setAttribute("overflow", "visible");
  doc.append(background, heading, clone);
  return {
    text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`,
    width,
    height,
  };
}

/** The SVG document drawn as a PNG at `scale` times its size. */
export async function pngOf(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  // A data: URL, which the page's CSP allows for images (img-src 'self' data:), unlike blob: URLs.
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no canvas");
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
  );
}
