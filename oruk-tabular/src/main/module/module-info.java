/** The ORUK / HSDS Tabular Data Package: CSV tables and their descriptor, read into the model and written from it. */
module io.github.oruk.tabular {
  requires transitive io.github.oruk.model;
  requires com.fasterxml.jackson.dataformat.csv;

  exports io.github.oruk.tabular;
}
