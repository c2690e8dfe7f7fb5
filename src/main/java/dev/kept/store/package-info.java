/** Storage adapters. */
package dev.kept.store;
