/**
 * A new PDFKit document. PDFKit (with its fonts) is loaded on the first PDF a process writes,
 * not when a command that only may write one starts: most runs of `fees` or `monthly-calculation`
 * write none, and loading it costs more than their answer.
 */
export async function newPdfDocument(options: PDFKit.PDFDocumentOptions): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  return new PDFDocument(options);
}
