/**
 * The local web playground: Kept with simulated colleagues, no workspace needed, the clock movable. An adapter
 * like the others: it renders outcomes as HTML and reaches the core only through its ports and the inbox.
 */
package dev.kept.playground;
