/** Figures counted from promises and their history: personal stats, the App Home page and the weekly digest. */
package dev.kept.insight;
