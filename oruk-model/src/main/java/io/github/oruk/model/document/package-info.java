/**
 * Reading a document without knowing what it is: {@link io.github.oruk.model.document.DocumentReader}
 * works out the record type, whether it is a page, and whether it is a legacy ORUK v1 document.
 */
package io.github.oruk.model.document;
