/**
 * Clients that attack a server's attention rather than its input, for testing that a publisher's API
 * keeps answering everyone else: {@link io.github.oruk.testkit.hostile.HostileClients} opens connections
 * that stop half-way through a request, or ask for a long answer and never read it.
 */
@NullMarked
package io.github.oruk.testkit.hostile;

import org.jspecify.annotations.NullMarked;
