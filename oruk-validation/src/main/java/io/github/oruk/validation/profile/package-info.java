/** Profiles: strict (default), parity with the official validator, and policy files. */
package io.github.oruk.validation.profile;
