package dev.crossfoot.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Builds small PDFs for tests with PDFBox: text placed where a page would print it (left-aligned labels,
 * right-aligned figures), measured from the top of an A4 page, in Helvetica.
 */
public final class TestPdf {

    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDDocument doc = new PDDocument();
    private PDPageContentStream page;
    private String password;

    /** Starts a new page. */
    public TestPdf page() {
        close();
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        try {
            page = new PDPageContentStream(doc, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Text starting at x, on the baseline y points from the top, 10 points high. */
    public TestPdf text(float x, float y, String text) {
        return text(x, y, text, 10);
    }

    public TestPdf text(float x, float y, String text, float size) {
        try {
            page.beginText();
            page.setFont(FONT, size);
            page.newLineAtOffset(x, PDRectangle.A4.getHeight() - y);
            page.showText(text);
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Text ending at x (right-aligned, as figures are printed). */
    public TestPdf right(float x, float y, String text) {
        try {
            return text(x - FONT.getStringWidth(text) / 1000 * 10, y, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row: a label at the margin, then each figure right-aligned at its column's edge (a null leaves it blank). */
    public TestPdf row(float y, String label, float[] edges, String... figures) {
        if (!label.isEmpty()) {
            text(60, y, label);
        }
        for (int i = 0; i < figures.length; i++) {
            if (figures[i] != null) {
                right(edges[i], y, figures[i]);
            }
        }
        return this;
    }

    /** Protects the document with a password needed to open it. */
    public TestPdf password(String userPassword) {
        this.password = userPassword;
        return this;
    }

    private void close() {
        if (page != null) {
            try {
                page.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page = null;
        }
    }

    public byte[] bytes() {
        close();
        try {
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path save(Path file) {
        try {
            Files.write(file, bytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
