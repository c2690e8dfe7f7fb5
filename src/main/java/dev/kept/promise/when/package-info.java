/** Reading a due date out of what people type ("friday 3pm", "in 2 hours", "tomorrow"), in their zone. */
package dev.kept.promise.when;
