package io.github.oruk.examples.spring;

import io.github.oruk.model.Organization;
import io.github.oruk.model.Service;
import io.github.oruk.model.ServiceStatus;
import io.github.oruk.model.query.Parameter;
import io.github.oruk.model.query.Query;
import io.github.oruk.server.Capabilities;
import io.github.oruk.server.DirectoryProvider;
import io.github.oruk.server.PageRequest;
import io.github.oruk.server.Results;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The directory: the table {@code service} ({@code schema.sql}) read with Spring's {@link JdbcClient} over
 * Boot's data source. It answers the two required lists and look-ups ({@code /services},
 * {@code /services/{id}}) and the {@code search} filter (every word, in the name or description); the SDK does
 * the rest of the protocol. For every endpoint and filter over a full relational schema, see
 * {@code examples/jdbc-publisher}.
 */
@Component
public class ServiceTable implements DirectoryProvider {

  private static final String COLUMNS = "id, name, description, status, email, url, organization_id,"
      + " organization_name, organization_description, assured_date, last_modified";

  private final JdbcClient jdbc;

  public ServiceTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.builder().services(Parameter.SEARCH).build();
  }

  @Override
  public Results<Service> services(Query query, PageRequest page) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<String> words = query.search() == null ? List.of()
        : List.of(query.search().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
    List<String> patterns = words.stream().filter(word -> !word.isEmpty())
        .map(word -> "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%").toList();
    for (int i = 0; i < patterns.size(); i++) {
      where.append(" AND (LOWER(name) LIKE :w").append(i).append(" ESCAPE '\\' OR LOWER(description) LIKE :w")
          .append(i).append(" ESCAPE '\\')");
    }
    JdbcClient.StatementSpec count = jdbc.sql("SELECT COUNT(*) FROM service" + where);
    JdbcClient.StatementSpec select = jdbc.sql("SELECT " + COLUMNS + " FROM service" + where
        + " ORDER BY name, id LIMIT :limit OFFSET :offset");
    for (int i = 0; i < patterns.size(); i++) {
      count = count.param("w" + i, patterns.get(i));
      select = select.param("w" + i, patterns.get(i));
    }
    long total = count.query(Long.class).single();
    List<Service> items = select.param("limit", page.perPage()).param("offset", page.offset())
        .query((rows, n) -> service(rows)).list();
    return Results.of(items, total);
  }

  @Override
  public Optional<Service> service(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM service WHERE id = :id").param("id", id)
        .query((rows, n) -> service(rows)).optional();
  }

  private static Service service(ResultSet rows) throws SQLException {
    String id = rows.getString("id");
    String status = rows.getString("status");
    return new Service()
        .id(id)
        .name(rows.getString("name"))
        .description(rows.getString("description"))
        .status(ServiceStatus.find(status).orElseThrow(() -> new IllegalStateException(
            "service " + id + " has the status '" + status + "', which ORUK 3.0 does not know")))
        .email(rows.getString("email"))
        .url(rows.getString("url"))
        .organizationId(rows.getString("organization_id"))
        .organization(new Organization()
            .id(rows.getString("organization_id"))
            .name(rows.getString("organization_name"))
            .description(rows.getString("organization_description")))
        .assuredDate(rows.getObject("assured_date", LocalDate.class))
        .lastModified(rows.getObject("last_modified", OffsetDateTime.class));
  }
}
