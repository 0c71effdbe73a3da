import HeraldDNS

/// The sending domain's DNS: SPF, DKIM, DMARC, alignment, and MX (or A) for the bounce domain.
/// A ✗ line carried as the failure of a look-up.
struct DoctorFinding: Error {
    let check: DoctorCheck
    init(_ check: DoctorCheck) { self.check = check }
}

extension Doctor {
    func checkDNS(relayAddress: String?) async -> [DoctorCheck] {
        guard let domain = fromDomain else { return [] }
        let spf = await checkSPF(domain: envelopeDomain ?? domain, relayAddress: relayAddress)
        // A resolver that does not answer would make every further look-up wait out its timeout.
        if spf.status == .failure, spf.message.hasPrefix("DNS: no answer") { return [spf] }
        var checks: [DoctorCheck] = [spf]
        let dkim = await checkDKIM(domain: domain)
        checks.append(dkim)
        let (dmarcCheck, dmarc) = await checkDMARC(domain: domain)
        checks.append(dmarcCheck)
        checks += alignment(from: domain, dmarc: dmarc, dkimFound: dkim.status == .ok)
        checks.append(await checkBounceDomain(envelopeDomain ?? domain))
        return checks
    }

    /// The TXT records at `name`, or the ✗ line saying why there are none to read.
    private func txt(_ name: String, id: String) async -> Result<[String], DoctorFinding> {
        do throws(DNSLookupError) {
            return .success(try await resolver.txt(name))
        } catch {
            switch error {
            case .nonexistentDomain: return .success([])
            case .timeout:
                return .failure(
                    DoctorFinding(
                        DoctorCheck(
                            .failure, id, "DNS: \(error)",
                            fix: "check that this machine's resolver (or --resolver) answers, then run doctor again")))
            case .failed:
                return .failure(
                    DoctorFinding(DoctorCheck(.failure, id, "DNS: \(error)", fix: "check the zone's name servers")))
            }
        }
    }

    func checkSPF(domain: String, relayAddress: String?) async -> DoctorCheck {
        let records: [String]
        switch await txt(domain, id: "dns.spf") {
        case .failure(let finding): return finding.check
        case .success(let all): records = all.filter(SPFRecord.isSPF)
        }
        guard records.count == 1 else {
            if records.isEmpty {
                return DoctorCheck(
                    .failure, "dns.spf", "no SPF record at \(domain)",
                    fix: "publish one TXT record at \(domain) such as \"v=spf1 include:<your relay's SPF domain> -all\""
                )
            }
            return DoctorCheck(
                .failure, "dns.spf",
                "\(records.count) SPF records at \(domain): a permerror, receivers treat SPF as failed",
                fix: "merge them into one v=spf1 record")
        }
        let record = SPFRecord(records[0])
        let shown = "\"\(records[0].prefix(200))\""
        guard let relayAddress else {
            return DoctorCheck(
                .warning, "dns.spf", "SPF at \(domain): \(shown); the relay's public address cannot be known from here",
                fix: "check that the record covers the servers your relay sends from")
        }
        return await evaluate(record, shown: shown, domain: domain, address: relayAddress)
    }

    /// Evaluates `ip4`, `a` and `mx` for the relay's address; anything else is left to the operator.
    private func evaluate(_ record: SPFRecord, shown: String, domain: String, address: String) async -> DoctorCheck {
        var unevaluated = false
        for term in record.terms where term.qualifier == "+" {
            let parts = term.mechanism.split(separator: ":", maxSplits: 1)
            let argument = parts.count == 2 ? String(parts[1]) : domain
            switch parts[0] {
            case "ip4" where IPv4.contains(argument, address),
                "a" where ((try? await resolver.a(argument)) ?? []).contains(address):
                return DoctorCheck(.ok, "dns.spf", "SPF at \(domain) passes for the relay \(address): \(shown)")
            case "mx":
                for host in (try? await resolver.mx(argument)) ?? []
                where ((try? await resolver.a(host)) ?? []).contains(address) {
                    return DoctorCheck(.ok, "dns.spf", "SPF at \(domain) passes for the relay \(address): \(shown)")
                }
            case "ip4", "a", "all": continue
            default: unevaluated = true
            }
        }
        if unevaluated {
            return DoctorCheck(
                .warning, "dns.spf",
                "SPF at \(domain): \(shown); its include/exists/redirect terms are not evaluated here",
                fix: "check that one of them covers the relay \(address)")
        }
        return DoctorCheck(
            .failure, "dns.spf", "SPF at \(domain) would not pass for the relay \(address): \(shown)",
            fix: "add ip4:\(address) (or your relay's include:) before the all term")
    }

    func checkDKIM(domain: String) async -> DoctorCheck {
        guard let selector = configuration.dkimSelector else {
            return DoctorCheck(
                .warning, "dns.dkim", "dkim_selector is not set, so the DKIM key cannot be checked",
                fix: "set dkim_selector to the selector your relay signs \(domain) with")
        }
        let name = "\(selector)._domainkey.\(domain)"
        let records: [String]
        switch await txt(name, id: "dns.dkim") {
        case .failure(let finding): return finding.check
        case .success(let all): records = all
        }
        guard let record = records.first(where: { TagList($0)["p"] != nil }) else {
            return DoctorCheck(
                .failure, "dns.dkim", "no DKIM key at \(name)",
                fix: "publish the public key your relay gives you as a TXT record at \(name)")
        }
        let tags = TagList(record)
        if tags["p"]?.isEmpty == true {
            return DoctorCheck(
                .failure, "dns.dkim", "the DKIM key at \(name) is revoked (empty p=)",
                fix: "publish the relay's current key, or set dkim_selector to the selector in use")
        }
        if let version = tags["v"], version != "DKIM1" {
            return DoctorCheck(
                .failure, "dns.dkim", "\(name) has v=\(version.prefix(20)), not DKIM1", fix: "fix the record")
        }
        return DoctorCheck(.ok, "dns.dkim", "DKIM key found at \(name) (k=\(tags["k"] ?? "rsa"))")
    }

    func checkDMARC(domain: String) async -> (DoctorCheck, DMARCRecord?) {
        let name = "_dmarc.\(domain)"
        let records: [String]
        switch await txt(name, id: "dns.dmarc") {
        case .failure(let finding): return (finding.check, nil)
        case .success(let all): records = all.filter(DMARCRecord.isDMARC)
        }
        guard records.count == 1 else {
            let message = records.isEmpty ? "no DMARC record at \(name)" : "\(records.count) DMARC records at \(name)"
            return (
                DoctorCheck(
                    .failure, "dns.dmarc", message,
                    fix: "publish one TXT record at \(name): \"v=DMARC1; p=none; rua=mailto:dmarc@\(domain)\""), nil
            )
        }
        let record = DMARCRecord(records[0])
        guard record.errors.isEmpty else {
            return (
                DoctorCheck(
                    .failure, "dns.dmarc",
                    "the DMARC record at \(name) has errors: \(record.errors.joined(separator: "; "))",
                    fix: "correct it to the form \"v=DMARC1; p=quarantine; rua=mailto:dmarc@\(domain)\""), nil
            )
        }
        if record.policy == "none" {
            return (
                DoctorCheck(
                    .warning, "dns.dmarc", "DMARC at \(name): policy none (monitoring only)",
                    fix: "once reports show your mail aligned, move to p=quarantine"), record
            )
        }
        return (DoctorCheck(.ok, "dns.dmarc", "DMARC at \(name): policy \(record.policy)"), record)
    }

    func alignment(from domain: String, dmarc: DMARCRecord?, dkimFound: Bool) -> [DoctorCheck] {
        let envelope = envelopeDomain ?? domain
        let strict = dmarc?.strictSPF ?? false
        let spf: DoctorCheck =
            DomainAlignment.aligned(envelope, domain, strict: strict)
            ? DoctorCheck(
                .ok, "dns.alignment.spf",
                "envelope domain \(envelope) aligns with From domain \(domain) (\(strict ? "strict" : "relaxed"))")
            : DoctorCheck(
                .failure, "dns.alignment.spf", "envelope domain \(envelope) does not align with From domain \(domain)",
                fix: "use a bounce_address on \(domain) (or a subdomain of it)")
        let dkim: DoctorCheck =
            dkimFound
            ? DoctorCheck(.ok, "dns.alignment.dkim", "the DKIM key is published at the From domain \(domain)")
            : DoctorCheck(
                .warning, "dns.alignment.dkim", "no DKIM key checked at the From domain \(domain)",
                fix: "have the relay sign with d=\(domain) and set dkim_selector")
        return [spf, dkim]
    }

    func checkBounceDomain(_ domain: String) async -> DoctorCheck {
        do {
            let hosts = try await resolver.mx(domain)
            if !hosts.isEmpty {
                return DoctorCheck(
                    .ok, "dns.bounce_mx", "bounces to \(domain) go to MX \(hosts.joined(separator: ", "))")
            }
            if let address = try await resolver.a(domain).first {
                return DoctorCheck(
                    .warning, "dns.bounce_mx", "\(domain) has no MX; bounces go to its A record \(address)",
                    fix: "publish an MX record for \(domain)")
            }
            return DoctorCheck(
                .failure, "dns.bounce_mx", "\(domain) has neither MX nor A: bounces cannot reach you",
                fix: "publish an MX record for \(domain)")
        } catch {
            return DoctorCheck(
                .failure, "dns.bounce_mx", "bounces to \(domain) cannot be delivered: \(error)",
                fix: "publish an MX record for \(domain), or use a bounce_address on a domain that receives mail")
        }
    }
}
