package org.benchtop.cli;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.benchtop.core.notebook.AtomicFiles;
import org.benchtop.core.notebook.HtmlReport;
import org.benchtop.core.notebook.NotebookEntry;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * The notebook entry's report as PDF: the HTML report ({@link HtmlReport}, well-formed XHTML with
 * inlined images) rendered by openhtmltopdf on PDFBox. Only the command line offers PDF: openhtmltopdf
 * and its dependencies are not all OSGi bundles, so the KNIME feature does not ship them. The PDF uses
 * the standard PDF fonts: characters outside Latin-1 in user text (titles, gene names) may show as
 * {@code #}.
 */
final class PdfReport {

    /** PDFBox logs font-cache building and font fallbacks through java.util.logging; held so the level sticks. */
    private static final Logger PDFBOX_LOG = Logger.getLogger("org.apache.pdfbox");

    private PdfReport() {
    }

    /**
     * @param entry the entry
     * @param target the PDF file
     * @param overwrite whether an existing file may be replaced
     * @return what was written
     */
    static AtomicFiles.Written write(NotebookEntry entry, Path target, boolean overwrite) {
        String html = HtmlReport.render(entry);
        // the renderer's and PDFBox's log lines (CSS it ignores, font cache) are not for the command's user
        XRLog.setLoggingEnabled(false);
        PDFBOX_LOG.setLevel(Level.SEVERE);
        return AtomicFiles.write(target, overwrite, "PDF report", out -> {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.withDiagnosticConsumer(d -> {
                // diagnostics (unknown CSS properties of the screen layout) are not for the user
            });
            b.withHtmlContent(html, target.toAbsolutePath().getParent().toUri().toString());
            b.toStream(out);
            b.run();
        });
    }
}
