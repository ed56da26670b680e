/** Taxonomy loading, term normalisation, crosswalks, audits and tagging suggestions. */
module io.github.oruk.taxonomy {
  requires transitive io.github.oruk.model;
  requires java.net.http;
  requires com.fasterxml.jackson.dataformat.csv;

  exports io.github.oruk.taxonomy;
  exports io.github.oruk.taxonomy.audit;
  exports io.github.oruk.taxonomy.crosswalk;
  exports io.github.oruk.taxonomy.filter;
  exports io.github.oruk.taxonomy.load;
  exports io.github.oruk.taxonomy.suggest;
}
