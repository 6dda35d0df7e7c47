package signing

// SignWith is Sign with the CMS signature made by cms over the signed bytes, for tests that
// insert signatures made by other tools.
func SignWith(data []byte, c *Credentials, opt Options, cms func(content []byte) ([]byte, error)) ([]byte, error) {
	return signWithCMS(data, c, opt, cms)
}
