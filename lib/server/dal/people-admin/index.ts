// People administration (DOMAIN §2, issue 12): HR adds people, converts assistants, transfers,
// exits and regrades them, imports rosters; the branch history records who was where when.
export * from "./changes";
export * from "./list";
export * from "./roster-import";
