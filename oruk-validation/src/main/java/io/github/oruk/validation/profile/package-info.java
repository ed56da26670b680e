/** Profiles: strict (default), parity with the official validator, and policy files. */
@NullMarked
package io.github.oruk.validation.profile;

import org.jspecify.annotations.NullMarked;
