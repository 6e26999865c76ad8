package dev.aiconform.site;

/** One page of the site: its file name, its title in the navigation, its section, its body. */
record Page(String file, String title, String section, String body) {}
