package io.github.oruk.validation.feed;

import io.github.oruk.client.OrukClient;
import io.github.oruk.model.query.Endpoint;
import io.github.oruk.validation.rule.RuleInfo;

/** What every group of live-feed checks needs from the validation it is part of: the client and the report. */
interface LiveFeed {

  OrukClient client();

  /** Adds a finding about an endpoint's answer (not critical). */
  void add(RuleInfo check, Endpoint endpoint, String url, String pointer, String recordId, String message,
      String observed);

  /** Records what a bound or a failure left unchecked, and why. */
  void notChecked(String what, String because);
}
