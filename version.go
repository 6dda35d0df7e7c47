package cwo

// Version is cwo's release version. It is part of every output's input hash and PDF creator, so
// a new release re-renders everything once.
const Version = "0.1.0"
