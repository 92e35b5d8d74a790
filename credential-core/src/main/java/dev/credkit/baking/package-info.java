/**
 * Open Badges 3.0 baking: a credential carried inside its PNG or SVG image
 * ({@link dev.credkit.baking.BadgeBaker}).
 */
package dev.credkit.baking;
