/** A person's own data: export (CSV), forget-me (anonymise what is shared, erase the rest) and personal settings. */
package dev.kept.privacy;
