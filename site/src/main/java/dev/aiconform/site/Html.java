package dev.aiconform.site;

/** HTML escaping and the page layout shared by every page. */
final class Html {
  private Html() {}

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }

  static String code(String text, String language) {
    return "<pre><code class=\"language-" + language + "\">" + escape(text) + "</code></pre>\n";
  }

  /** A whole HTML document: navigation on the left, the page on the right. */
  static String layout(Page page, java.util.List<Page> all) {
    StringBuilder nav = new StringBuilder();
    String section = null;
    for (Page p : all) {
      if (!p.section().equals(section)) {
        if (section != null) {
          nav.append("</ul>\n");
        }
        section = p.section();
        nav.append("<h4>").append(escape(section)).append("</h4>\n<ul>\n");
      }
      nav.append("<li")
          .append(p.file().equals(page.file()) ? " class=\"current\"" : "")
          .append("><a href=\"")
          .append(p.file())
          .append("\">")
          .append(escape(p.title()))
          .append("</a></li>\n");
    }
    nav.append("</ul>\n");
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + escape(page.title())
        + " — AIConform</title>\n<style>\n"
        + STYLE
        + "</style>\n</head>\n<body>\n<nav>\n<p class=\"brand\"><a href=\"index.html\">AIConform</a></p>\n"
        + nav
        + "</nav>\n<main>\n"
        + page.body()
        + "\n</main>\n</body>\n</html>\n";
  }

  private static final String STYLE =
      "body{margin:0;display:flex;font:15px/1.55 system-ui,sans-serif;color:#1b1f24}\n"
          + "nav{width:250px;min-height:100vh;padding:1rem 1.2rem;background:#f4f6f8;"
          + "border-right:1px solid #dde2e6;box-sizing:border-box;flex-shrink:0}\n"
          + "nav h4{margin:1.2rem 0 .3rem;font-size:.75rem;text-transform:uppercase;color:#57606a}\n"
          + "nav ul{list-style:none;margin:0;padding:0}nav li{margin:.15rem 0}\n"
          + "nav li.current a{font-weight:600}.brand a{font-size:1.3rem;font-weight:700;color:#0b5cad}\n"
          + "main{padding:1.5rem 2.5rem;max-width:980px;overflow-x:auto}\n"
          + "a{color:#0b5cad;text-decoration:none}a:hover{text-decoration:underline}\n"
          + "pre{background:#f6f8fa;border:1px solid #e1e4e8;padding:.8rem;overflow-x:auto;"
          + "font-size:13px;line-height:1.4}code{font-family:ui-monospace,Menlo,monospace}\n"
          + "table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #d0d7de;"
          + "padding:.3rem .6rem;text-align:left;vertical-align:top}th{background:#f6f8fa}\n"
          + ".rule{border-top:1px solid #d0d7de;padding-top:.6rem;margin-top:1.4rem}\n"
          + ".tag{display:inline-block;padding:0 .45rem;border-radius:.6rem;font-size:.8rem;"
          + "background:#e7eef6;margin-right:.3rem}.must{background:#fde2e1}.should{background:#fff4ce}\n";
}
