package dev.crossfoot.render;

/** Escaping for HTML text and attribute values, and element ids made from arbitrary names. */
final class Html {

    private Html() {
    }

    /**
     * Escapes text for an HTML element or a quoted attribute value: {@code & < > " '} become character
     * references, as do line ends, and characters no HTML document may hold become U+FFFD. Null is the empty string.
     */
    static String escape(String s) {
        String t = Describe.clean(s);
        StringBuilder sb = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                // a newline from the input as a reference: the same whitespace to a browser, and no line of the
                // document can then start with text from the input (such as a CI runner's '::error' command)
                case '\n' -> "&#10;";
                case '\r' -> "&#13;";
                default -> null;
            };
            if (r != null && sb == null) {
                sb = new StringBuilder(t.length() + 16);
                sb.append(t, 0, i);
            }
            if (sb != null) {
                if (r != null) {
                    sb.append(r);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? t : sb.toString();
    }

    /**
     * A name as a fragment of an element id, one-to-one: letters, digits and {@code _ . : @ -} stay, every
     * other character becomes {@code ~hex~} ("2023 %" gives "2023~20~~25~"). The result holds no blank, so
     * it can stand in a space-separated list, and needs no escaping in an attribute or a URL fragment.
     */
    static String token(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || "_.:@-".indexOf(cp) >= 0) {
                sb.appendCodePoint(cp);
            } else {
                sb.append('~').append(Integer.toHexString(cp)).append('~');
            }
        });
        return sb.toString();
    }
}
