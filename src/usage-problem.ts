/**
 * A problem with what the user asked for (a bad rule file, official data in an
 * unexpected layout), as opposed to a document that cannot be read: the CLI exits 2.
 * Its own module so that the CLI can recognise one without loading the stage it came from.
 */
export class UsageProblem extends Error {}
