"""The namespaces: one module each, thin layers over the generated endpoints and the transport."""
