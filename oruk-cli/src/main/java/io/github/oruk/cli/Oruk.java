package io.github.oruk.cli;

/** Placeholder entry point; replaced by the picocli command tree. */
public final class Oruk {
  private Oruk() {
  }

  public static void main(String[] args) {
    System.out.println("oruk");
  }
}
