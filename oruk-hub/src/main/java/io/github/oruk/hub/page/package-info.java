/**
 * What the hub's pages (the dashboard, the badges, the management report) share: escaping text from feeds and
 * registers for HTML and SVG, naming inline style and script in a Content-Security-Policy by their hashes, and
 * the answer a page is sent as.
 */
@NullMarked
package io.github.oruk.hub.page;

import org.jspecify.annotations.NullMarked;
