/**
 * Promises and requests: the {@code Promise} and its rules (transitions, who may do what), {@code PromiseService}
 * (validate, store, tell the other party), the {@code /promise} command grammar and its buttons and forms
 * ({@code PromiseInbound}, {@code RequestInbound}), answers to Kept's questions in a DM ({@code DirectMessages}),
 * ids, history and the {@code PromiseStore} port.
 */
package dev.kept.promise;
