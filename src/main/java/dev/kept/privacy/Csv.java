package dev.kept.privacy;

import java.util.List;

/**
 * Writes CSV as RFC 4180 asks (comma separated, CRLF between rows, a cell quoted when it holds a comma,
 * a quote or a line break, quotes doubled inside), and defuses spreadsheet formulas: a cell that starts
 * with {@code = + - @}, a tab or a carriage return gets a leading {@code '}, so a spreadsheet shows it
 * as text instead of running it (OWASP's advice against CSV injection).
 */
final class Csv {

    static final String ROW_END = "\r\n";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final StringBuilder out = new StringBuilder();

    Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append(ROW_END);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** One cell, defused and quoted as needed. */
    static String cell(String value) {
        String s = value == null ? "" : value;
        if (!s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
