/**
 * Open Badges 3.0 and CLR 2.0 on the VC Data Model: a typed model of the Open Badges tables
 * ({@link dev.credkit.ob.OpenBadgeCredential} and its parts) that reads any Open Badges 3.0
 * credential and checks its REQUIRED rules, and what an institution calls to issue:
 * {@link dev.credkit.ob.CertificateBuilder}, {@link dev.credkit.ob.CourseRecordBuilder},
 * {@link dev.credkit.ob.ClrCredentialBuilder}, {@link dev.credkit.ob.VerificationCode} and
 * {@link dev.credkit.ob.LinkedInAddToProfile}. Everything built here is unsigned JSON for a signer.
 */
package dev.credkit.ob;
