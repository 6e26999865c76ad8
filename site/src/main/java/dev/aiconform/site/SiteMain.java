package dev.aiconform.site;

import java.nio.file.Path;

/** Builds the site: {@code SiteMain <repository root> <output directory>}. */
public final class SiteMain {
  private SiteMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: SiteMain <repository root> <output directory>");
      System.exit(2);
    }
    Site site = Site.build(Path.of(args[0]));
    site.writeTo(Path.of(args[1]));
    System.out.println("site: " + site.pages().size() + " pages written to " + args[1]);
  }
}
