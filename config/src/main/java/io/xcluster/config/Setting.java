package io.xcluster.config;

/** A top-level option's raw value and where it was set: a line of the file, or the URL (line 0). */
record Setting(String value, String source, int line) {}
