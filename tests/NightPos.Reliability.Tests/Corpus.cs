using System.Text.Json.Nodes;

namespace NightPos.Reliability.Tests;

/// <summary>
/// The bad-input corpus (issue 7): malformed requests on every route the host serves, each
/// with the status and a word its problem details must carry, most often the field at fault.
/// </summary>
internal static class Corpus
{
    private const string AliasDomain = """
        {"domain":"corpus-new.example","bounceAlias":"bounce","catchallAlias":"catchall",
        "defaultFrom":"notifications","sequence":10}
        """;

    private const string Company = """{"name":"Corpus Two","aliasDomainId":"{domain}"}""";

    private const string Server = """
        {"name":"corpus-new","host":"127.0.0.1","port":2525,"encryption":"none",
        "authentication":"login","username":"u","password":"p","priority":10,"active":true}
        """;

    private const string Preview = """
        {"companyId":"{company}","from":"a@corpus.example","kind":"transactional"}
        """;

    private static readonly (string Method, string Route, string Baseline)[] JsonRoutes =
    [
        ("POST", "/api/alias-domains", AliasDomain),
        ("PATCH", "/api/alias-domains/{domain}", """{"sequence":20}"""),
        ("POST", "/api/companies", Company),
        ("PATCH", "/api/companies/{company}", """{"aliasDomainId":"{domain}"}"""),
        ("PUT", "/api/parameters/mail.corpus", """{"value":"x"}"""),
        ("POST", "/api/servers", Server),
        ("PATCH", "/api/servers/{server}", """{"priority":5}"""),
        ("PUT", "/api/settings/mass-mailing", """{"dedicatedServerId":"{server}"}"""),
        ("POST", "/api/routing/preview", Preview),
    ];

    private static readonly string[] BrokenJson =
        ["{", "not json", """{"a":}""", "[1,2", """{"a":1}}""", "{'a':1}", "\u0000"];

    /// <summary>Domain names that must be refused wherever a domain is asked for.</summary>
    private static readonly (string Name, string Value)[] BadDomains =
    [
        ("space inside", "exa mple.com"),
        ("label over 63", new string('a', 64) + ".com"),
        ("name over 253", string.Join('.', Enumerable.Repeat(new string('b', 60), 5))),
        ("invalid punycode", "xn--zz-.com"),
        ("invalid IDNA label", "xn--a.com"),
        ("empty label", "exa..mple.com"),
        ("leading dot", ".example.com"),
        ("leading hyphen", "-example.com"),
        ("trailing hyphen label", "example-.com"),
        ("underscore", "exa_mple.com"),
        ("an address", "a@example.com"),
        ("an IPv4 address", "192.168.1.1"),
        ("bracketed IP", "[127.0.0.1]"),
        ("full-width dot", "example\uFF0Ecom\uFF0E\uFF0E"),
        ("zero-width joiner", "exa\u200Dmple..com"),
        ("right-to-left mark", "\u200Fexample.com."),
        ("slash", "example.com/path"),
        ("empty", ""),
        ("blank", "   "),
    ];

    /// <summary>CR, LF, CRLF header injection and NUL, for every header-bound field.</summary>
    private static readonly (string Name, string Value)[] Controls =
    [
        ("CR", "x\rBcc: victim@evil.example"),
        ("LF", "x\nBcc: victim@evil.example"),
        ("CRLF", "x\r\nBcc: victim@evil.example"),
        ("NUL", "x\u0000y"),
    ];

    public static IEnumerable<BadRequest> All() =>
        BrokenBodies()
            .Concat(WrongTypes())
            .Concat(MissingFields())
            .Concat(AbsurdSizes())
            .Concat(Addresses())
            .Concat(ControlCharacters())
            .Concat(Domains())
            .Concat(Ports())
            .Concat(UnknownIds())
            .Concat(UnparseableValues())
            .Concat(MailCorpus.All());

    private static IEnumerable<BadRequest> BrokenBodies()
    {
        foreach (var (method, route, baseline) in JsonRoutes)
        {
            foreach (var (body, index) in BrokenJson.Select((b, i) => (b, i)))
            {
                yield return new($"{method} {route}: broken JSON #{index}",
                    method, route, body, 400, "Path");
            }

            yield return new($"{method} {route}: JSON array instead of an object",
                method, route, "[]", 400, "JSON");
            yield return new($"{method} {route}: a JSON string instead of an object",
                method, route, "\"hello\"", 400, "JSON");
            yield return new($"{method} {route}: form content",
                method, route, "a=1", 415, "application/json",
                "application/x-www-form-urlencoded");
            yield return new($"{method} {route}: plain text content",
                method, route, baseline, 415, "application/json", "text/plain");
        }
    }

    private static IEnumerable<BadRequest> WrongTypes()
    {
        (string Method, string Route, string Baseline, string Field, string Value)[] cases =
        [
            ("POST", "/api/alias-domains", AliasDomain, "domain", "42"),
            ("POST", "/api/alias-domains", AliasDomain, "domain", "[\"a.example\"]"),
            ("POST", "/api/alias-domains", AliasDomain, "sequence", "\"ten\""),
            ("POST", "/api/alias-domains", AliasDomain, "sequence", "1.5"),
            ("POST", "/api/alias-domains", AliasDomain, "sequence", "99999999999"),
            ("POST", "/api/alias-domains", AliasDomain, "bounceAlias", "{}"),
            ("POST", "/api/alias-domains", AliasDomain, "catchallAlias", "true"),
            ("POST", "/api/alias-domains", AliasDomain, "defaultFrom", "7"),
            ("PATCH", "/api/alias-domains/{domain}", "{}", "sequence", "\"x\""),
            ("PATCH", "/api/alias-domains/{domain}", "{}", "domain", "false"),
            ("POST", "/api/companies", Company, "name", "12"),
            ("POST", "/api/companies", Company, "aliasDomainId", "\"not-a-guid\""),
            ("POST", "/api/companies", Company, "aliasDomainId", "5"),
            ("PATCH", "/api/companies/{company}", "{}", "aliasDomainId", "\"nope\""),
            ("PUT", "/api/parameters/mail.corpus", "{}", "value", "{\"a\":1}"),
            ("PUT", "/api/parameters/mail.corpus", "{}", "value", "[1]"),
            ("POST", "/api/servers", Server, "port", "\"smtp\""),
            ("POST", "/api/servers", Server, "port", "25.5"),
            ("POST", "/api/servers", Server, "priority", "\"high\""),
            ("POST", "/api/servers", Server, "active", "\"yes\""),
            ("POST", "/api/servers", Server, "active", "1"),
            ("POST", "/api/servers", Server, "encryption", "\"tls13\""),
            ("POST", "/api/servers", Server, "encryption", "1"),
            ("POST", "/api/servers", Server, "authentication", "\"oauth\""),
            ("POST", "/api/servers", Server, "name", "[]"),
            ("POST", "/api/servers", Server, "host", "{}"),
            ("PATCH", "/api/servers/{server}", "{}", "port", "\"x\""),
            ("PATCH", "/api/servers/{server}", "{}", "encryption", "\"STARTTLS!\""),
            ("PATCH", "/api/servers/{server}", "{}", "active", "\"no\""),
            ("POST", "/api/servers", Server, "acceptInvalidCertificate", "\"yes\""),
            ("POST", "/api/servers", Server, "acceptInvalidCertificate", "\"true\""),
            ("POST", "/api/servers", Server, "acceptInvalidCertificate", "1"),
            ("POST", "/api/servers", Server, "acceptInvalidCertificate", "[true]"),
            ("PATCH", "/api/servers/{server}", "{}", "acceptInvalidCertificate", "\"no\""),
            ("PATCH", "/api/servers/{server}", "{}", "acceptInvalidCertificate", "{}"),
            ("PUT", "/api/settings/mass-mailing", "{}", "dedicatedServerId", "\"x\""),
            ("PUT", "/api/settings/mass-mailing", "{}", "dedicatedServerId", "7"),
            ("POST", "/api/routing/preview", Preview, "companyId", "\"acme\""),
            ("POST", "/api/routing/preview", Preview, "kind", "\"bulk\""),
            ("POST", "/api/routing/preview", Preview, "kind", "3"),
            ("POST", "/api/routing/preview", Preview, "serverId", "\"main\""),
            ("POST", "/api/routing/preview", Preview, "at", "\"last tuesday\""),
            ("POST", "/api/routing/preview", Preview, "from", "[\"a@b.example\"]"),
        ];

        return cases.Select(c => new BadRequest(
            $"{c.Method} {c.Route}: {c.Field} = {c.Value}",
            c.Method, c.Route, With(c.Baseline, c.Field, c.Value), 400, c.Field));
    }

    private static IEnumerable<BadRequest> MissingFields()
    {
        (string Method, string Route, string Baseline, string Field)[] cases =
        [
            ("POST", "/api/alias-domains", AliasDomain, "domain"),
            ("POST", "/api/companies", Company, "name"),
            ("PUT", "/api/parameters/mail.corpus", """{"value":"x"}""", "value"),
            ("POST", "/api/servers", Server, "name"),
            ("POST", "/api/servers", Server, "host"),
            ("POST", "/api/servers", Server, "port"),
            ("POST", "/api/servers", Server, "encryption"),
            ("POST", "/api/servers", Server, "authentication"),
        ];

        foreach (var (method, route, baseline, field) in cases)
        {
            yield return new($"{method} {route}: no {field}",
                method, route, Without(baseline, field), 400, field);
            yield return new($"{method} {route}: {field} null",
                method, route, With(baseline, field, "null"), 400, field);
        }

        yield return new("POST /api/alias-domains: empty object",
            "POST", "/api/alias-domains", "{}", 400, "domain");
        yield return new("POST /api/servers: empty object",
            "POST", "/api/servers", "{}", 400, "name");
        yield return new("POST /api/alias-domains: no body",
            "POST", "/api/alias-domains", "", 400, "JSON");
        yield return new("POST /api/servers: no body", "POST", "/api/servers", "", 400, "JSON");
    }

    private static IEnumerable<BadRequest> AbsurdSizes()
    {
        var megabyte = new string('s', 1024 * 1024);
        var longDomain = new string('c', 63) + "." + string.Concat(Enumerable.Repeat("d.", 200))
            + "com";
        var hugeList = "[" + string.Join(',', Enumerable.Repeat("\"a@b.example\"", 100_000))
            + "]";

        yield return new("PUT /api/parameters/{key}: a 1 MB value",
            "PUT", "/api/parameters/mail.corpus", With("{}", "value", Quote(megabyte)), 400,
            "value");
        yield return new("PUT /api/parameters/{key}: a key of 300 characters",
            "PUT", "/api/parameters/" + new string('k', 300), """{"value":"x"}""", 400, "key");
        yield return new("POST /api/companies: a 1 MB name",
            "POST", "/api/companies", With(Company, "name", Quote(megabyte)), 400, "name");
        yield return new("POST /api/alias-domains: a 1 MB domain",
            "POST", "/api/alias-domains", With(AliasDomain, "domain", Quote(megabyte)), 400,
            "domain");
        yield return new("POST /api/alias-domains: a domain of 600 characters",
            "POST", "/api/alias-domains", With(AliasDomain, "domain", Quote(longDomain)), 400,
            "domain");
        yield return new("POST /api/alias-domains: a 1 MB bounce alias",
            "POST", "/api/alias-domains", With(AliasDomain, "bounceAlias", Quote(megabyte)),
            400, "bounceAlias");
        yield return new("POST /api/servers: a 1 MB name",
            "POST", "/api/servers", With(Server, "name", Quote(megabyte)), 400, "name");
        yield return new("POST /api/servers: a 1 MB host",
            "POST", "/api/servers", With(Server, "host", Quote(megabyte)), 400, "host");
        yield return new("POST /api/servers: a 1 MB from filter",
            "POST", "/api/servers", With(Server, "fromFilter", Quote(megabyte)), 400,
            "fromFilter");
        yield return new("POST /api/servers: a 100k-entry list as from filter",
            "POST", "/api/servers", With(Server, "fromFilter", hugeList), 400, "fromFilter");
        yield return new("POST /api/servers: a priority beyond int",
            "POST", "/api/servers", With(Server, "priority", "3000000000"), 400, "priority");
        yield return new("POST /api/routing/preview: a 1 MB from",
            "POST", "/api/routing/preview", With(Preview, "from", Quote(megabyte)), 400, "from");
        yield return new("POST /api/routing/preview: a 100k-entry list as from",
            "POST", "/api/routing/preview", With(Preview, "from", hugeList), 400, "from");
        yield return new("POST /api/alias-domains: sequence below zero",
            "POST", "/api/alias-domains", With(AliasDomain, "sequence", "-1"), 400, "sequence");

        // ADR 0019: no certificate to accept without TLS; the corpus server uses none.
        yield return new("POST /api/servers: acceptInvalidCertificate with encryption none",
            "POST", "/api/servers", With(Server, "acceptInvalidCertificate", "true"), 400,
            "acceptInvalidCertificate");
        yield return new("PATCH /api/servers/{id}: acceptInvalidCertificate on a plain server",
            "PATCH", "/api/servers/{server}", With("{}", "acceptInvalidCertificate", "true"), 400,
            "acceptInvalidCertificate");
    }

    private static IEnumerable<BadRequest> Addresses()
    {
        string[] fromValues =
        [
            "a@b@c.example",
            "\"x\" <a@b.example>, c@d.example",
            "a@b.example, c@d.example",
            "a@b.example; c@d.example",
            "<a@b.example> <c@d.example>",
            "plainword",
            "@b.example",
            "a@",
            "a@exa mple.com",
            "a b@c.example",
        ];

        foreach (var from in fromValues)
        {
            yield return new($"POST /api/routing/preview: from = {from}",
                "POST", "/api/routing/preview", With(Preview, "from", Quote(from)), 400, "from");
        }

        string[] localParts = ["a@b", "a b", "a,b", "<a>", "a\"b", ".a", "a..b", "a;b"];
        foreach (var local in localParts)
        {
            yield return new($"POST /api/alias-domains: bounceAlias = {local}",
                "POST", "/api/alias-domains", With(AliasDomain, "bounceAlias", Quote(local)),
                400, "bounceAlias");
        }

        foreach (var local in localParts.Take(4))
        {
            yield return new($"POST /api/alias-domains: defaultFrom = {local}",
                "POST", "/api/alias-domains", With(AliasDomain, "defaultFrom", Quote(local)),
                400, "defaultFrom");
            yield return new($"PATCH /api/alias-domains/{{id}}: catchallAlias = {local}",
                "PATCH", "/api/alias-domains/{domain}", With("{}", "catchallAlias", Quote(local)),
                400, "catchallAlias");
        }
    }

    private static IEnumerable<BadRequest> ControlCharacters()
    {
        (string Method, string Route, string Baseline, string Field)[] fields =
        [
            ("POST", "/api/alias-domains", AliasDomain, "domain"),
            ("POST", "/api/alias-domains", AliasDomain, "bounceAlias"),
            ("POST", "/api/alias-domains", AliasDomain, "catchallAlias"),
            ("POST", "/api/alias-domains", AliasDomain, "defaultFrom"),
            ("PATCH", "/api/alias-domains/{domain}", "{}", "defaultFrom"),
            ("POST", "/api/companies", Company, "name"),
            ("POST", "/api/servers", Server, "host"),
            ("POST", "/api/servers", Server, "username"),
            ("POST", "/api/servers", Server, "fromFilter"),
            ("PATCH", "/api/servers/{server}", "{}", "host"),
            ("POST", "/api/routing/preview", Preview, "from"),
        ];

        foreach (var (method, route, baseline, field) in fields)
        {
            foreach (var (name, value) in Controls)
            {
                var body = With(baseline, field, Quote(Fit(field, value)));
                yield return new($"{method} {route}: {name} in {field}",
                    method, route, body, 400, field);
            }
        }
    }

    private static IEnumerable<BadRequest> Domains()
    {
        foreach (var (name, value) in BadDomains)
        {
            yield return new($"POST /api/alias-domains: domain {name}",
                "POST", "/api/alias-domains", With(AliasDomain, "domain", Quote(value)), 400,
                "domain");
        }

        foreach (var (name, value) in BadDomains.Take(6))
        {
            yield return new($"PATCH /api/alias-domains/{{id}}: domain {name}",
                "PATCH", "/api/alias-domains/{domain}", With("{}", "domain", Quote(value)), 400,
                "domain");
        }

        string[] refusedByRouting =
            ["space inside", "empty label", "leading dot", "an address", "blank"];
        foreach (var (name, value) in BadDomains.Where(d => refusedByRouting.Contains(d.Name)))
        {
            yield return new($"POST /api/routing/preview: from a@ {name}",
                "POST", "/api/routing/preview", With(Preview, "from", Quote("a@" + value)), 400,
                "from");
        }

        yield return new("POST /api/alias-domains: a domain already taken, in capitals",
            "POST", "/api/alias-domains", With(AliasDomain, "domain", "\"CORPUS.EXAMPLE\""),
            409, "corpus.example");
        yield return new("POST /api/alias-domains: a domain already taken, trailing dot",
            "POST", "/api/alias-domains", With(AliasDomain, "domain", "\"corpus.example.\""),
            409, "corpus.example");
    }

    private static IEnumerable<BadRequest> Ports()
    {
        foreach (var port in new[] { "70000", "65536", "0", "-1", "-65535", "9999999999999" })
        {
            yield return new($"POST /api/servers: port {port}",
                "POST", "/api/servers", With(Server, "port", port), 400, "port");
        }

        foreach (var port in new[] { "70000", "0", "-1" })
        {
            yield return new($"PATCH /api/servers/{{id}}: port {port}",
                "PATCH", "/api/servers/{server}", With("{}", "port", port), 400, "port");
        }
    }

    private static IEnumerable<BadRequest> UnknownIds()
    {
        yield return new("GET /api/alias-domains/{unknown}",
            "GET", "/api/alias-domains/{unknown}", null, 404, "{unknown}");
        yield return new("PATCH /api/alias-domains/{unknown}",
            "PATCH", "/api/alias-domains/{unknown}", """{"sequence":3}""", 404, "{unknown}");
        yield return new("GET /api/alias-domains/{unknown}/local-parts",
            "GET", "/api/alias-domains/{unknown}/local-parts", null, 404, "{unknown}");
        yield return new("PATCH /api/companies/{unknown}",
            "PATCH", "/api/companies/{unknown}", """{"aliasDomainId":"{domain}"}""", 404,
            "{unknown}");
        yield return new("PATCH /api/companies/{id}: an unknown alias domain",
            "PATCH", "/api/companies/{company}", """{"aliasDomainId":"{unknown}"}""", 404,
            "aliasDomainId");
        yield return new("POST /api/companies: an unknown alias domain",
            "POST", "/api/companies", With(Company, "aliasDomainId", "\"{unknown}\""), 404,
            "aliasDomainId");
        yield return new("GET /api/parameters/{unknown}",
            "GET", "/api/parameters/mail.never-set", null, 404, "mail.never-set");
        yield return new("GET /api/servers/{unknown}",
            "GET", "/api/servers/{unknown}", null, 404, "{unknown}");
        yield return new("PATCH /api/servers/{unknown}",
            "PATCH", "/api/servers/{unknown}", """{"priority":3}""", 404, "{unknown}");
        yield return new("DELETE /api/servers/{unknown}",
            "DELETE", "/api/servers/{unknown}", null, 404, "{unknown}");
        yield return new("POST /api/servers/{unknown}/test",
            "POST", "/api/servers/{unknown}/test", null, 404, "{unknown}");
        yield return new("PUT /api/settings/mass-mailing: an unknown server",
            "PUT", "/api/settings/mass-mailing", """{"dedicatedServerId":"{unknown}"}""", 404,
            "dedicatedServerId");
        yield return new("POST /api/routing/preview: an unknown company",
            "POST", "/api/routing/preview", With(Preview, "companyId", "\"{unknown}\""), 404,
            "companyId");
        yield return new("POST /api/routing/preview: an unknown server",
            "POST", "/api/routing/preview", With(Preview, "serverId", "\"{unknown}\""), 404,
            "serverId");
    }

    private static IEnumerable<BadRequest> UnparseableValues()
    {
        (string Method, string Route, string? Body)[] idRoutes =
        [
            ("GET", "/api/alias-domains/{0}", null),
            ("PATCH", "/api/alias-domains/{0}", """{"sequence":3}"""),
            ("GET", "/api/alias-domains/{0}/local-parts", null),
            ("PATCH", "/api/companies/{0}", """{"aliasDomainId":null}"""),
            ("GET", "/api/servers/{0}", null),
            ("PATCH", "/api/servers/{0}", """{"priority":3}"""),
            ("DELETE", "/api/servers/{0}", null),
            ("POST", "/api/servers/{0}/test", null),
        ];

        foreach (var (method, route, body) in idRoutes)
        {
            foreach (var id in new[] { "not-a-guid", "12345", "0199e0c1-zzzz" })
            {
                var url = route.Replace("{0}", id);
                yield return new($"{method} {url}", method, url, body, 404, id);
            }
        }

        foreach (var query in new[]
                 {
                     "from=yesterday", "to=2026-13-45", "stream=not-a-guid",
                     "from=%00", "to=1e999",
                 })
        {
            var field = query[..query.IndexOf('=')];
            yield return new($"GET /api/history?{query}",
                "GET", $"/api/history?{query}", null, 400, field);
        }

        foreach (var at in new[] { "soon", "2026-02-30T00:00:00Z", "9999-12-31T23:59:59Z" })
        {
            yield return new($"GET /api/configuration?at={at}",
                "GET", $"/api/configuration?at={at}", null, 400, "at");
        }

        yield return new("POST /api/routing/preview: at in the future",
            "POST", "/api/routing/preview", With(Preview, "at", "\"9999-01-01T00:00:00Z\""), 400,
            "at");
        yield return new("PUT /api/parameters/{key}: a key with a space",
            "PUT", "/api/parameters/mail%20corpus", """{"value":"x"}""", 400, "key");
    }

    /// <summary>Keeps a control-character value in the shape the field otherwise wants.</summary>
    private static string Fit(string field, string value) => field switch
    {
        "domain" or "host" => value.Replace("x", "corpus.example").Replace("victim@", ""),
        "from" or "fromFilter" => "a@" + value.Replace("x", "corpus.example"),
        _ => value,
    };

    internal static string Quote(string value) => JsonValue.Create(value).ToJsonString();

    internal static string With(string baseline, string field, string rawValue)
    {
        var node = JsonNode.Parse(baseline)!.AsObject();
        node[field] = JsonNode.Parse(rawValue);
        return node.ToJsonString();
    }

    internal static string Without(string baseline, string field)
    {
        var node = JsonNode.Parse(baseline)!.AsObject();
        node.Remove(field);
        return node.ToJsonString();
    }
}
