/**
 * Telling documents apart: {@link io.github.oruk.model.document.Layout} says whether a file is NDJSON or one
 * JSON document (the one rule every reader of files in the SDK uses), and
 * {@link io.github.oruk.model.document.DocumentReader} works out which document it is: the record type,
 * whether it is a page, and whether it is a legacy ORUK v1 document.
 */
@NullMarked
package io.github.oruk.model.document;

import org.jspecify.annotations.NullMarked;
