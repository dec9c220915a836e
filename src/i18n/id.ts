/** Bahasa Indonesia — the default language and the source of every message key. */
export const id = {
  'common.yes': 'Ya',
  'common.no': 'Tidak',
  'common.yes_save': 'Ya, simpan',
  'common.no_change': 'Ubah data',
  'common.none': '(tidak ada)',
  'common.choose': 'Pilih',
  'common.done': '✅ Selesai',
  'common.which_to_change': 'Bagian mana yang ingin diubah?',
  'common.back_to_menu': 'Kembali ke menu',

  'start.welcome':
    'Selamat datang di *PesanDesa* 👋\nTempat desa memesan barang & jasa dari usaha lokal, langsung lewat chat.\n(Sudah terdaftar lewat WhatsApp/Telegram lain? Ketik *hubungkan* dan kode dari menu Profil di sana.)\n\nAnda mendaftar sebagai apa?',
  'start.role_vendor': 'Penyedia / pemilik usaha',
  'start.role_officer': 'Perangkat desa',

  'task.generic': 'isian ini',
  'task.vendor_reg': 'pendaftaran usaha',
  'task.officer_reg': 'pendaftaran perangkat desa',

  'vendor.ask_business_name': 'Apa nama usaha Anda?\nContoh: Toko Bangunan Sumber Rejeki',
  'vendor.ask_owner_name': 'Siapa nama pemilik usaha?',
  'vendor.ask_phone': 'Ketik nomor HP usaha yang bisa dihubungi.\nContoh: 0812 3456 7890',
  'vendor.ask_phone_known': 'Nomor HP untuk dihubungi: {phone}.\nPakai nomor ini?',
  'vendor.phone_use_this': 'Ya, pakai nomor ini',
  'vendor.phone_other': 'Pakai nomor lain',
  'vendor.ask_categories':
    'Usaha Anda menjual apa? Pilih nomornya, boleh lebih dari satu.\nContoh: *1, 3, 5*',
  'vendor.categories_chosen': 'Sudah dipilih: {list}',
  'vendor.categories_hint': 'Ketik nomor kategori, pisahkan dengan koma. Contoh: *1, 3*',
  'vendor.categories_none': 'Pilih minimal satu kategori dulu.',
  'vendor.ask_nib': 'Nomor Induk Berusaha (NIB), jika ada — 13 angka.\nKetik *lewati* jika belum punya.',
  'vendor.summary':
    'Periksa data usaha Anda:\n\n🏪 {business}\n👤 {owner}\n📞 {phone}\n📦 {categories}\n📍 {village}, Kec. {district}\n🧾 NIB: {nib}\n\nSudah benar?',
  'vendor.registered':
    'Terima kasih! *{business}* sudah terdaftar ✅\nAdmin kabupaten akan memeriksa data Anda. Sementara itu Anda sudah bisa menerima info kebutuhan desa.',
  'vendor.field_business': 'Nama usaha',
  'vendor.field_owner': 'Nama pemilik',
  'vendor.field_phone': 'Nomor HP',
  'vendor.field_categories': 'Kategori',
  'vendor.field_location': 'Lokasi',
  'vendor.field_nib': 'NIB',

  'officer.ask_name': 'Siapa nama lengkap Anda?',
  'officer.ask_position': 'Apa jabatan Anda di desa?',
  'officer.ask_invite':
    'Ketik *kode undangan* dari admin kabupaten.\nBelum punya? Ketik *lewati* — admin akan memeriksa data Anda.',
  'officer.invite_unknown': 'Kode undangan tidak dikenal. Periksa lagi, atau ketik *lewati*.',
  'officer.invite_used': 'Kode undangan ini sudah dipakai. Minta kode baru ke admin, atau ketik *lewati*.',
  'officer.invite_expired':
    'Kode undangan ini sudah kedaluwarsa. Minta kode baru ke admin, atau ketik *lewati*.',
  'officer.invite_other_village': 'Kode undangan ini untuk desa lain. Periksa lagi, atau ketik *lewati*.',
  'officer.summary':
    'Periksa data Anda:\n\n👤 {name}\n🏛️ {position}\n📍 Desa {village}, Kec. {district}\n🔑 Kode undangan: {invite}\n\nSudah benar?',
  'officer.registered_verified':
    'Terima kasih! Akun Anda sudah aktif ✅\nAnda bisa langsung membuat kebutuhan desa.',
  'officer.registered_pending':
    'Terima kasih! Data Anda sudah kami terima 🙏\nAkun Anda *menunggu verifikasi* admin kabupaten. Kami kabari lewat chat ini setelah diperiksa.',
  'officer.field_name': 'Nama',
  'officer.field_village': 'Desa',
  'officer.field_position': 'Jabatan',
  'officer.field_invite': 'Kode undangan',

  'position.kepala_desa': 'Kepala Desa',
  'position.sekdes': 'Sekretaris Desa',
  'position.kasi': 'Kepala Seksi (Kasi)',
  'position.kaur': 'Kepala Urusan (Kaur)',
  'position.tpk': 'Anggota TPK',
  'position.lainnya': 'Lainnya',

  'location.ask_regency': 'Di kabupaten mana?',
  'location.ask_district': 'Di kecamatan mana?',
  'location.ask_village': 'Di desa/kelurahan mana?',
  'location.ask_desa': 'Di desa mana?',

  'menu.officer_title': 'Menu utama — apa yang ingin Anda lakukan?',
  'menu.vendor_title': 'Menu utama — apa yang ingin Anda lakukan?',
  'menu.post_need': 'Buat kebutuhan baru',
  'menu.my_needs': 'Kebutuhan saya',
  'menu.officer_orders': 'Pesanan & penerimaan',
  'menu.open_tenders': 'Kebutuhan desa yang bisa saya tawar',
  'menu.my_quotes': 'Penawaran saya',
  'menu.my_orders': 'Pesanan saya',
  'menu.profile': 'Profil saya',
  'menu.help': 'Bantuan',

  'profile.vendor':
    'Profil usaha:\n\n🏪 {business}\n👤 {owner}\n📞 {phone}\n📦 {categories}\n📍 {village}, Kec. {district}\n🌙 Jam istirahat (tidak dikirimi info): {quiet}\n✔️ Status: {status}\n🌐 Bahasa: {language}',
  'profile.officer':
    'Profil Anda:\n\n👤 {name}\n🏛️ {position}\n📍 Desa {village}, Kec. {district}\n✔️ Status: {status}\n🌐 Bahasa: {language}',
  'profile.none': 'Anda belum terdaftar.',
  'profile.change_categories': 'Ubah kategori',
  'profile.change_location': 'Ubah lokasi',
  'profile.change_quiet': 'Ubah jam istirahat',
  'profile.change_language': 'Ganti bahasa',
  'profile.ask_quiet':
    'Jam berapa Anda tidak mau dikirimi info (jam istirahat)? Pesan ditahan sampai jam istirahat selesai.\nContoh: *21-6* (jam 21.00 sampai 06.00). Ketik *tidak ada* untuk mematikan.',
  'profile.quiet_off': 'tidak ada',
  'profile.saved': 'Tersimpan ✅',

  'verification.pending': 'menunggu verifikasi',
  'verification.verified': 'terverifikasi',
  'verification.rejected': 'ditolak',

  // The language's own name, shown in the language choice whatever language is current.
  'language.name': 'Bahasa Indonesia',
  'language.ask': 'Pilih bahasa / Choose a language:',
  'language.changed': 'Bahasa diganti ke Bahasa Indonesia.',

  'resume.ask': 'Anda belum menyelesaikan {task}. Lanjutkan?',
  'resume.continue': 'Ya, lanjutkan',
  'resume.restart': 'Mulai lagi dari awal',

  'cancel.confirm': 'Batalkan {task}? Jawaban yang sudah diisi akan hilang.',
  'cancel.yes': 'Ya, batalkan',
  'cancel.no': 'Tidak, lanjutkan',
  'cancel.done': 'Dibatalkan.',
  'cancel.nothing': 'Tidak ada yang perlu dibatalkan.',
  'back.first_step': 'Ini sudah pertanyaan pertama.',

  'hint.choose_number':
    'Maaf, pilihan itu tidak ada. Ketik nomor 1 sampai {max}, atau namanya (contoh: *{example}*).',
  'hint.choose_one': 'Maaf, belum bisa dibaca. Ketik *1* untuk *{example}*, atau *menu* untuk kembali.',
  'hint.ambiguous': 'Maksud Anda yang mana: {options}? Ketik nomornya.',
  'hint.type_text': 'Mohon jawab dengan mengetik pesan.',
  'hint.name': 'Mohon tulis nama dengan huruf, 2 sampai 100 karakter.',
  'hint.phone': 'Nomor HP belum benar. Contoh: 0812 3456 7890',
  'hint.nib': 'NIB terdiri dari 13 angka. Ketik *lewati* jika belum punya.',
  'hint.quiet': 'Belum bisa dibaca. Contoh: *21-6* atau *22.00-05.30*. Ketik *tidak ada* untuk mematikan.',
  'hint.stuck':
    'Sepertinya ada yang membingungkan. Ketik *bantuan* untuk petunjuk, atau *menu* untuk kembali ke menu utama.',

  'help.process_officer':
    'Cara kerjanya:\n• Anda tulis kebutuhan desa, perkiraan harga (HPS) dan batas penawaran.\n• Penyedia terdekat mengirim harga tertutup; harga dibuka setelah batas lewat.\n• Anda pilih penyedia, terima barangnya (BAST), lalu catat pembayarannya.',
  'help.process_vendor':
    'Cara kerjanya:\n• Kami kabari kebutuhan desa yang cocok dengan usaha Anda.\n• Anda kirim harga sebelum batas; harga dirahasiakan sampai batas lewat.\n• Jika terpilih, Anda sanggupi pesanan, kirim barangnya, lalu desa membayar.',
  'help.reach_admin':
    'Perlu bicara dengan petugas kabupaten? Ketik *menu* lalu pilih *Pengaduan*; jawabannya datang di chat ini.',
  'help.generic':
    'Jawab pertanyaan di bawah dengan mengetik, atau ketik nomor pilihannya.\nPerintah yang selalu bisa dipakai: *menu*, *kembali*, *batal*, *bantuan*, *bahasa*.',
  'help.start':
    'Pilih *1* jika Anda punya usaha dan ingin menerima pesanan dari desa. Pilih *2* jika Anda perangkat desa yang membeli untuk desa.',
  'help.menu':
    'Ketik nomor menu yang Anda inginkan. Ketik *kembali* atau *batal* kapan saja di tengah isian.',
  'help.vendor_business_name': 'Tulis nama usaha seperti di papan nama atau nota Anda.',
  'help.phone': 'Nomor ini dipakai desa untuk menghubungi Anda tentang pesanan. Bisa diawali 08 atau +62.',
  'help.categories':
    'Kategori menentukan info kebutuhan yang Anda terima. Ketik beberapa nomor sekaligus, dipisah koma. Bisa diubah nanti lewat *Profil saya*.',
  'help.location': 'Lokasi dipakai untuk mengutamakan usaha terdekat. Ketik nomor atau nama dari daftar.',
  'help.nib': 'NIB adalah nomor izin usaha dari OSS. Tidak wajib untuk mendaftar.',
  'help.invite':
    'Kode undangan diberikan admin kabupaten atau pendamping desa agar akun langsung aktif. Tanpa kode, admin memeriksa data Anda dulu.',
  'help.quiet':
    'Selama jam istirahat Anda tidak dikirimi info kebutuhan desa; pesannya dikirim sesudah jam itu.',

  'date.moved_tomorrow':
    'Jam itu hari ini sudah lewat, jadi kami pakai besok: {when}. Ketik *kembali* jika bukan itu maksudnya.',
  'media.caption_read':
    'Untuk pertanyaan ini tidak perlu {kind}, jadi keterangannya kami baca sebagai jawaban.',
  'share.location_not_needed': 'Terima kasih, tetapi lokasi tidak diperlukan di sini.',
  'share.contact_not_needed': 'Terima kasih, tetapi kontak tidak diperlukan di sini.',
  'media.unsupported': 'Maaf, {kind} belum bisa kami baca di sini. Mohon jawab dengan mengetik.',
  'media.photo': 'foto',
  'media.document': 'dokumen',
  'media.voice': 'pesan suara',
  'media.video': 'video',
  'media.sticker': 'stiker',

  'policy.suspended': 'Maaf, akun Anda sedang dinonaktifkan. Silakan hubungi admin kabupaten.',
  'policy.not_officer': 'Menu ini khusus perangkat desa.',
  'policy.officer_pending':
    'Akun Anda masih *menunggu verifikasi* admin kabupaten. Setelah diverifikasi, Anda bisa membuat kebutuhan.',
  'policy.officer_rejected': 'Pendaftaran Anda belum disetujui admin. Silakan hubungi admin kabupaten.',
  'policy.not_vendor': 'Menu ini khusus penyedia/usaha.',
  'policy.vendor_rejected': 'Pendaftaran usaha Anda belum disetujui admin. Silakan hubungi admin kabupaten.',

  'task.need_post': 'pembuatan kebutuhan',
  'task.quote': 'penawaran ini',
  'task.award': 'pemilihan penyedia',
  'task.order': 'pesanan ini',
  'task.receipt': 'penerimaan barang',
  'task.payment': 'pencatatan pembayaran',

  'menu.complaint': 'Pengaduan',

  'method.pembelian_langsung': 'Pembelian langsung',
  'method.permintaan_penawaran': 'Permintaan penawaran',
  'method.lelang': 'Lelang (terbuka)',

  'hint.need_title': 'Tulis judul singkat, 3 sampai 120 huruf. Contoh: Semen untuk jalan desa RT 03',
  'hint.quantity': 'Tulis jumlah dan satuannya. Contoh: *50 sak*, *2,5 m3*, *10 dus*',
  'hint.money': 'Tulis jumlah rupiah. Contoh: *1,5 juta*, *Rp1.500.000* atau *1500rb*',
  'hint.date': 'Tulis tanggal dan jam. Contoh: *besok jam 14*, *Senin*, *25/11 10.00*',
  'hint.place': 'Tulis tempat pengiriman, atau ketik *1* untuk kantor desa.',
  'hint.days': 'Tulis jumlah hari. Contoh: *3* atau *3 hari*',

  'help.need_title': 'Judul membantu penyedia mengerti kebutuhan Anda sekilas.',
  'help.need_items': 'Masukkan barang satu per satu: nama, lalu jumlah dan satuannya.',
  'help.need_hps': 'HPS adalah perkiraan harga total. Dari HPS ditentukan cara pengadaan sesuai Perbup.',
  'help.need_deadline':
    'Sampai kapan penyedia boleh mengirim penawaran. Penawaran tertutup sampai waktu ini.',

  'need.ask_title': 'Apa yang dibutuhkan desa? Tulis judul singkat.\nContoh: Semen untuk jalan desa RT 03',
  'need.ask_category': 'Termasuk kategori apa?',
  'need.ask_item_name': 'Barang/jasa ke-{n}: apa namanya?',
  'need.ask_item_qty': 'Berapa banyak *{item}*? Tulis jumlah dan satuan.\nContoh: 50 sak',
  'need.items_so_far': 'Daftar sejauh ini:\n{items}\n\nAda barang lain?',
  'need.opt_add_item': 'Tambah barang',
  'need.opt_items_done': 'Sudah, lanjut',
  'need.ask_hps': 'Berapa perkiraan harga totalnya (HPS)?\nContoh: 15 juta',
  'need.ask_deadline': 'Sampai kapan penawaran diterima?\nContoh: *besok jam 14* atau *Senin 10.00*',
  'need.deadline_too_soon': 'Batas penawaran paling cepat {earliest}, agar penyedia sempat menawar.',
  'need.deadline_passed_meanwhile': 'Batas penawaran sudah terlalu dekat. Mohon tentukan waktu baru.',
  'need.ask_place': 'Dikirim ke mana? Pilih atau tulis alamatnya.',
  'need.place_office': 'Kantor Desa {village}',
  'need.ask_needed_by': 'Barang dibutuhkan paling lambat kapan?',
  'need.needed_by_after_deadline': 'Tanggal dibutuhkan harus sesudah batas penawaran.',
  'need.summary_incomplete':
    'Masih ada jawaban yang kosong. Pilih *Ubah data* lalu lengkapi bagian yang kurang.',
  'need.view': '*{number}* — {title}\nStatus: {status}',
  'need.view_open': 'Penawaran masuk sejauh ini: {count}. Harga dibuka setelah batas penawaran ({deadline}).',
  'need.view_closed':
    'Batas penawaran sudah lewat; {count} penawaran masuk. Silakan lihat penawaran dan pilih penyedia.',
  'need.view_order': 'Pesanan {order} kepada {vendor}, {amount} — {status}.',
  'need.view_missing': 'Kebutuhan ini tidak ditemukan di daftar Anda.',
  'need.opt_choose_winner': 'Lihat penawaran & pilih penyedia',
  'need.opt_confirm_receipt': 'Konfirmasi barang diterima',
  'need.opt_record_payment': 'Catat pembayaran',
  'need.opt_back_to_list': 'Kembali ke daftar',
  'need.summary_direct': '🏪 Dibeli langsung dari: {vendor}',
  'need.published_direct':
    'Kebutuhan *{number}* sudah diumumkan ✅ ({method}).\nKami kirimkan hanya kepada {vendor}. Harga penawarannya dirahasiakan sampai {deadline}.',
  'need.hps_check':
    'HPS {amount}? Itu sangat kecil untuk sebuah pengadaan — mungkin ada angka yang kurang. Mana yang Anda maksud?',
  'need.hps_meant': 'Maksud saya {amount}',
  'need.hps_as_typed': 'Benar, {amount}',
  'need.hps_retype': 'Ketik ulang',
  'need.ask_item_split': 'Barang: *{item}*, jumlah: *{qty}*. Betul begitu?',
  'need.opt_split_yes': 'Ya, betul',
  'need.opt_split_no': 'Bukan, itu nama barangnya',
  'need.summary':
    'Periksa kebutuhan ini:\n\n📝 {title}\n📦 Barang:\n{items}\n💰 HPS: {hps}\n⚖️ Cara pengadaan: *{method}* (minimal {min} penawaran){direct}\n⏰ Batas penawaran: {deadline}\n📍 Dikirim ke: {place}\n📅 Dibutuhkan: {neededBy}\n\nUmumkan sekarang?',
  'need.ask_route': 'Untuk pembelian langsung, bagaimana memilih penyedianya?',
  'need.route_quotes': 'Minta penawaran dari penyedia terdekat',
  'need.route_direct': 'Pilih langsung dari rekomendasi',
  'need.ask_direct_vendor':
    'Penyedia yang direkomendasikan (terdekat dan dengan nilai bintang terbaik). Pilih satu:',
  'need.no_recommendations': 'Belum ada penyedia untuk kategori ini di dekat desa Anda.',
  'need.opt_publish': 'Ya, umumkan',
  'need.field_title': 'Judul',
  'need.field_category': 'Kategori',
  'need.field_items': 'Daftar barang',
  'need.field_hps': 'HPS',
  'need.field_deadline': 'Batas penawaran',
  'need.field_place': 'Tempat kirim',
  'need.field_needed_by': 'Tanggal dibutuhkan',
  'need.published':
    'Kebutuhan *{number}* sudah diumumkan ✅ ({method}).\nKami kirimkan ke penyedia terdekat. Harga penawaran dirahasiakan sampai {deadline}.',
  'need.quote_count': '📥 Sudah {count} penawaran masuk untuk *{number}*. Harga dibuka setelah {deadline}.',
  'need.deadline_soon': '⏰ Batas penawaran *{number}* pada {deadline}. Sejauh ini {count} penawaran masuk.',

  'tender.alert':
    '📢 Kebutuhan baru dari Desa {village}\n*{number}* — {title}\n{items}\n⚖️ {method}\n⏰ Batas penawaran: {deadline}\n\nIngin mengajukan penawaran?',
  'tender.details':
    '*{number}* — {title}\nDesa {village}\n📦 Barang:\n{items}\n⚖️ {method}\n⏰ Batas penawaran: {deadline}\n📍 Dikirim ke: {place}\n📅 Dibutuhkan: {neededBy}',
  'tender.details_hint': 'Berikut rincian lengkapnya.',
  'tender.your_quote': 'Penawaran Anda: {amount}, kirim dalam {days} hari.',
  'tender.opt_quote': 'Ajukan penawaran',
  'tender.opt_details': 'Lihat rincian',
  'tender.opt_decline': 'Tidak berminat',
  'tender.opt_revise': 'Ubah penawaran',
  'tender.opt_withdraw': 'Tarik penawaran',
  'tender.outcome_withdrawn':
    'Batas penawaran *{number}* sudah lewat. Penawaran Anda sudah ditarik sebelumnya.',
  'tender.outcome_waiting':
    'Batas penawaran *{number}* sudah lewat. Penawaran Anda ({amount}) sedang dinilai desa — hasilnya akan kami kabarkan di sini.',
  'tender.outcome_won':
    'Penawaran Anda untuk *{number}* ({amount}) dipilih 🎉 Pesanannya ada di *Pesanan saya*.',
  'tender.outcome_lost':
    'Penawaran Anda untuk *{number}* ({amount}) tidak dipilih kali ini. Terima kasih sudah menawar.',
  'tender.outcome_ended': 'Pengadaan *{number}* tidak dilanjutkan oleh desa. Terima kasih sudah menawar.',
  'tender.not_found': 'Kebutuhan ini tidak ditemukan atau bukan untuk Anda.',
  'tender.closed':
    'Maaf, batas penawaran untuk kebutuhan ini sudah lewat. Penawaran tidak bisa diterima lagi.',
  'tender.ask_reconsider': 'Sebelumnya Anda menyatakan tidak berminat pada kebutuhan ini. Mau menawar juga?',
  'tender.opt_reconsider': 'Ya, saya mau menawar',
  'tender.opt_stay_declined': 'Tidak jadi',
  'tender.unit_total_check': '{price} per {unit} × {qty} {unit} = *{total}*. Itu total penawaran Anda?',
  'tender.unit_price_many_items':
    'Itu harga per {unit}. Kebutuhan ini punya beberapa barang: tulis harga total semuanya, atau ketik *kembali* lalu pilih *Harga per barang*.',
  'tender.declined': 'Baik, Anda tidak akan diingatkan tentang kebutuhan ini.',
  'tender.ask_mode': 'Bagaimana Anda menawar?',
  'tender.mode_items': 'Harga per barang',
  'tender.mode_total': 'Satu harga total',
  'tender.ask_unit_price': 'Harga satuan untuk *{item}* ({qty} {unit})?',
  'tender.ask_total': 'Berapa harga total penawaran Anda?\nContoh: 14,5 juta',
  'tender.ask_delivery_days': 'Berapa hari Anda bisa mengirim setelah pesanan?',
  'tender.ask_note': 'Ada catatan untuk desa? (merek, garansi, dll.)\nKetik *lewati* jika tidak ada.',
  'tender.quote_summary':
    'Penawaran Anda:\n💰 {total}\n🚚 Kirim dalam {days} hari\n📝 {note}\n\nKirim penawaran ini?',
  'tender.opt_send': 'Ya, kirim',
  'tender.opt_redo': 'Isi ulang',
  'tender.sent':
    'Penawaran untuk *{number}* terkirim ✅\nHarga Anda dirahasiakan sampai {deadline}. Anda masih bisa mengubah atau menariknya sebelum itu.',
  'tender.revised':
    'Penawaran untuk *{number}* sudah diperbarui ✅ Yang berlaku adalah penawaran terakhir ini.',
  'tender.ask_withdraw': 'Tarik penawaran Anda untuk kebutuhan ini?',
  'tender.withdrawn': 'Penawaran Anda sudah ditarik.',
  'tender.extended':
    '⏰ Batas penawaran *{number}* — {title} diperpanjang sampai {deadline}. Anda masih bisa mengajukan penawaran.',
  'tender.extended_quoted':
    '⏰ Batas penawaran *{number}* — {title} diperpanjang sampai {deadline}. Penawaran Anda tetap berlaku; Anda masih bisa mengubahnya sampai batas itu.',
  'tender.reminder':
    '⏰ Pengingat: *{number}* — {title}\nBatas penawaran {deadline}. Anda belum mengajukan penawaran.',

  'award.closed_enough':
    '🔓 Batas penawaran *{number}* ({title}) sudah lewat. {count} penawaran masuk. Silakan pilih penyedia.',
  'award.closed_too_few':
    '🔓 Batas penawaran *{number}* ({title}) sudah lewat. Hanya {count} penawaran (minimal {min}).',
  'award.ask_choose': 'Penawaran untuk *{number}*, dari yang termurah ({count} penawaran). Pilih penyedia:',
  'award.too_few':
    'Untuk *{number}* baru masuk {count} penawaran, sedangkan aturan meminta paling sedikit {min}. Pilih salah satu:',
  'award.line': '{n}. {vendor} — {total} — kirim {days} hari — {ring}',
  'award.line_unranked': '• {vendor} — {total} — kirim {days} hari — {ring}',
  'award.opt_extend': 'Perpanjang batas waktu',
  'award.opt_widen': 'Perluas ke penyedia lain',
  'award.opt_unsuccessful': 'Nyatakan gagal',
  'award.ask_reason': 'Penyedia ini bukan yang termurah. Tulis alasannya (wajib, untuk laporan).',
  'award.reason_short': 'Mohon tulis alasan yang jelas, minimal 5 huruf.',
  'award.ask_final_price':
    'Harga penawaran: {offered}. Jika sudah negosiasi, tulis harga akhirnya. Jika harga tidak berubah, ketik *lewati*.',
  'award.final_price_hint': 'Harga akhir harus berupa rupiah dan tidak lebih dari {offered}.',
  'award.summary': 'Pilih *{vendor}* seharga *{amount}*\n({words})\nAlasan: {reason}\n\nTetapkan pemenang?',
  'award.reason_lowest': 'penawaran termurah',
  'award.opt_confirm': 'Ya, tetapkan',
  'award.opt_choose_again': 'Pilih ulang',
  'award.done':
    '✅ Pesanan *{number}* dikirim ke {vendor} ({amount}). Kami kabari setelah penyedia menerima.',
  'award.not_ready': 'Belum ada yang bisa dipilih untuk kebutuhan ini. Harga dibuka setelah batas penawaran.',
  'award.ask_new_deadline': 'Sampai kapan batas penawaran yang baru?\nContoh: *lusa jam 12*',
  'award.extended': 'Batas penawaran diperpanjang sampai {deadline} ✅',
  'award.widened': 'Kami kirimkan juga ke penyedia lain. Batas penawaran baru: {deadline} ✅',
  'award.unsuccessful_done':
    'Kebutuhan ini dinyatakan gagal dan dicatat. Anda bisa membuat kebutuhan baru kapan saja.',

  'ring.desa': 'dari desa ini',
  'ring.kecamatan': 'dari kecamatan ini',
  'ring.kabupaten': 'dari luar kecamatan',

  'order.won':
    '🎉 Selamat! Penawaran Anda untuk *{need}* — {title} dipilih.\nSurat pesanan *{number}*\n{items}\n💰 {amount}\n({words})',
  'order.lost':
    'Hasil *{need}* — {title}: dipilih {winner} seharga {amount}. Terima kasih atas penawaran Anda 🙏',
  'order.ask_accept': 'Pesanan *{number}* — {title}\n💰 {amount} ({words})\n\nTerima pesanan ini?',
  'order.ask_accept_short': 'Terima pesanan ini?',
  'order.opt_accept': 'Sanggup',
  'order.opt_decline': 'Tolak',
  'order.ask_decline_reason': 'Mengapa pesanan ditolak? (agar desa bisa memilih penyedia berikutnya)',
  'order.accepted_vendor':
    'Anda menyanggupi pesanan *{number}* ✅ Kirim tepat waktu ya. Laporkan pengiriman lewat menu *Pesanan saya*.',
  'order.declined_vendor': 'Pesanan ditolak. Desa akan memilih penyedia lain.',
  'order.accepted_officer':
    '✅ {vendor} menyanggupi pesanan *{number}*.\n📞 Untuk urusan pengiriman, hubungi penyedia di {phone}.',
  'order.declined_officer':
    '⚠️ {vendor} menolak pesanan *{number}*: {reason}. Silakan pilih penyedia berikutnya.',
  'order.ask_delivery_proof':
    'Kirim *foto* bukti pengiriman, atau tulis catatan singkat. Ketik *lewati* jika tidak ada.',
  'order.delivery_reported': 'Pengiriman dilaporkan ✅ Desa akan memeriksa dan mengonfirmasi penerimaan.',
  'order.delivered_officer': '🚚 {vendor} melaporkan pesanan *{number}* sudah dikirim.',
  'order.delivery_note': '📝 Catatan penyedia: {note}',
  'order.delivery_photo': '📷 Penyedia juga mengirim foto bukti pengiriman (tersimpan bersama pesanan).',
  'order.received_vendor':
    '✅ Desa menerima barang pesanan *{number}*. Berita Acara Serah Terima (BAST) nomor {bast}.',
  'order.problem_vendor': '⚠️ Desa melaporkan masalah pada pesanan *{number}*: {note}',
  'order.paid_vendor':
    '💸 Pembayaran pesanan *{number}* sebesar {amount} sudah dicatat desa.\nBeri nilai untuk desa ini:',
  'order.delivery_reminder': '⏰ Pengingat: pesanan *{number}* — {title} ({amount}) dibutuhkan besok.',
  'order.not_available': 'Pesanan ini sudah tidak bisa diubah dari sini.',

  'receipt.ask': 'Pesanan *{number}* dari {vendor} ({title}) sudah diterima?',
  'receipt.opt_ok': 'Diterima dengan baik',
  'receipt.opt_problem': 'Ada masalah',
  'receipt.done': 'Penerimaan dicatat ✅ Berita Acara Serah Terima (BAST) nomor {bast}.',
  'receipt.ask_problem': 'Apa masalahnya? Tulis singkat (jumlah kurang, rusak, terlambat…).',
  'receipt.problem_recorded': 'Masalah dicatat dan diteruskan ke penyedia serta admin kabupaten.',

  'payment.ask_now': 'Catat pembayaran pesanan *{number}* ({amount}) sekarang?',
  'payment.opt_now': 'Ya, catat sekarang',
  'payment.opt_later': 'Nanti saja',
  'payment.later': 'Baik. Catat nanti lewat menu *Pesanan & penerimaan*.',
  'payment.ask_amount': 'Berapa yang dibayarkan?',
  'payment.opt_full': 'Sesuai pesanan ({amount})',
  'payment.ask_method': 'Dibayar dengan cara apa?',
  'payment.transfer': 'Transfer bank',
  'payment.cash': 'Tunai',
  'payment.recorded': 'Pembayaran dicatat ✅',

  'rate.ask': 'Beri nilai untuk {who} (1–5 bintang):',
  'rate.the_village': 'desa ini',
  'rate.thanks': 'Terima kasih atas penilaian Anda 🙏',

  'list.next_page': 'Halaman berikutnya ➡️',
  'list.nothing_to_do': 'Tidak ada yang perlu dilakukan untuk ini sekarang.',
  'list.my_needs': 'Kebutuhan desa Anda:',
  'list.my_needs_empty': 'Belum ada kebutuhan. Pilih *Buat kebutuhan baru* di menu.',
  'list.orders': 'Pesanan:',
  'list.orders_empty': 'Belum ada pesanan.',
  'list.open_tenders': 'Kebutuhan desa yang bisa Anda tawar:',
  'list.open_tenders_empty': 'Belum ada kebutuhan desa yang bisa Anda tawar. Kami kabari jika ada.',
  'list.my_quotes': 'Penawaran Anda:',
  'list.my_quotes_empty': 'Anda belum mengajukan penawaran.',

  'status.draft': 'draf',
  'status.published': 'menerima penawaran',
  'status.closed': 'menunggu pemilihan',
  'status.awarded': 'menunggu penyedia',
  'status.ordered': 'dipesan',
  'status.delivered': 'dikirim',
  'status.received': 'diterima',
  'status.paid': 'dibayar',
  'status.completed': 'selesai',
  'status.cancelled': 'dibatalkan',
  'status.unsuccessful': 'gagal',
  'status.awaiting_acceptance': 'menunggu diterima',
  'status.accepted': 'disanggupi penyedia',
  'status.declined': 'ditolak',
  'status.problem': 'ada masalah',
  'status.quote_active': 'aktif',
  'status.quote_withdrawn': 'ditarik',
  'status.quote_awarded': 'menang',
  'status.quote_rejected': 'tidak terpilih',
  'status.quote_superseded': 'diganti',

  'doc.title_direct': 'SURAT PESANAN',
  'doc.title_agreement': 'SURAT PERJANJIAN',
  'doc.number': 'Nomor',
  'doc.date': 'Tanggal',
  'doc.buyer': 'Pemesan (TPK)',
  'doc.desa': 'Desa',
  'doc.kecamatan': 'Kecamatan',
  'doc.kabupaten': 'Kabupaten',
  'doc.name': 'Nama',
  'doc.position': 'Jabatan',
  'doc.vendor': 'Penyedia',
  'doc.business_name': 'Nama usaha',
  'doc.owner': 'Pemilik',
  'doc.address': 'Alamat',
  'doc.phone': 'Telepon',
  'doc.nib': 'NIB',
  'doc.need': 'Kebutuhan',
  'doc.need_number': 'Nomor kebutuhan',
  'doc.need_title': 'Uraian',
  'doc.method': 'Cara pengadaan',
  'doc.item_no': 'No',
  'doc.item_name': 'Barang/jasa',
  'doc.quantity': 'Jumlah',
  'doc.unit': 'Satuan',
  'doc.unit_price': 'Harga satuan',
  'doc.line_total': 'Jumlah harga',
  'doc.total': 'Total',
  'doc.total_in_words': 'Terbilang',
  'doc.delivery': 'Pengiriman',
  'doc.delivery_place': 'Tempat',
  'doc.delivery_date': 'Paling lambat',
  'doc.notes': 'Catatan',
  'doc.award_reason': 'Alasan pemilihan',
  'doc.negotiation': 'Hasil negosiasi',
  'doc.negotiated': 'Harga penawaran {offered}, disepakati {agreed}',
  'doc.buyer_signature': 'Pemesan',
  'doc.vendor_signature': 'Penyedia',
  'doc.page': 'Halaman',
  'order.document_caption': 'Dokumen pesanan {number} (PDF)',
  'conversation.restarted':
    'Maaf, percakapan sebelumnya tidak bisa dilanjutkan karena aplikasi baru saja diperbarui. Kita mulai lagi dari menu — jawaban yang sudah terkirim tetap tersimpan.',
  'error.generic': 'Maaf, ada gangguan di sistem kami. Silakan kirim lagi sebentar lagi, atau ketik *menu*.',
  'rate.slow_down':
    'Pelan-pelan ya 🙏 Pesan Anda datang terlalu cepat, jadi sebagian belum kami baca. Tunggu sebentar, lalu kirim lagi yang penting.',
  'hint.money_too_large':
    'Jumlah itu terlalu besar (paling banyak {max}). Periksa lagi angka nolnya, lalu tulis ulang.',
  'admin.officer_verified':
    'Kabar baik! Akun perangkat desa Anda sudah *diverifikasi* admin kabupaten ✅ Ketik *menu* untuk mulai.',
  'admin.officer_rejected':
    'Maaf, pendaftaran perangkat desa Anda *ditolak* admin kabupaten.\nAlasan: {reason}',
  'admin.vendor_verified':
    'Kabar baik! Usaha *{business}* sudah *diverifikasi* admin kabupaten ✅ Anda akan menerima info kebutuhan desa.',
  'admin.vendor_rejected':
    'Maaf, pendaftaran usaha *{business}* *ditolak* admin kabupaten.\nAlasan: {reason}',
  'admin.broadcast': '📢 Pesan dari admin kabupaten:\n{text}',
  'hint.quote_too_low':
    'Harga {amount} untuk semuanya? Sepertinya ada angka nol yang kurang. Tulis harga lengkapnya, contoh: *14,5 juta*',
  'profile.link_account': 'Hubungkan WhatsApp / Telegram',
  'link.code':
    'Untuk memakai akun ini juga dari WhatsApp atau Telegram Anda yang lain, kirim pesan ini dari sana:\n\n*hubungkan {code}*\n\nKode berlaku {minutes} menit dan hanya sekali pakai. Jangan berikan kode ini kepada siapa pun.',
  'link.done':
    'Akun Anda sekarang terhubung ✅ Mulai sekarang Anda bisa memakai PesanDesa dari {channel} ini juga.',
  'link.notice_other':
    'ℹ️ Akun PesanDesa Anda baru saja dihubungkan dengan sebuah akun {channel}. Jika bukan Anda yang melakukannya, hubungi admin kabupaten.',
  'link.unknown':
    'Kode itu tidak dikenal atau sudah kedaluwarsa. Minta kode baru di menu *Profil saya* pada akun Anda yang sudah terdaftar.',
  'link.same_account': 'Chat ini sudah terhubung dengan akun tersebut.',
  'link.already_registered':
    'Chat ini sudah terdaftar sebagai akun sendiri, jadi tidak bisa dihubungkan dengan kode. Minta bantuan admin kabupaten untuk menggabungkan akun.',
  'link.too_many': 'Terlalu banyak kode yang salah dari chat ini. Minta bantuan admin kabupaten.',
  'channel.whatsapp': 'WhatsApp',
  'channel.telegram': 'Telegram',
  'channel.web': 'obrolan web',
  'task.complaint': 'pengaduan ini',
  'complaint.ask_about': 'Pengaduan ini tentang apa?',
  'complaint.general': 'Hal lain / umum',
  'complaint.ask_text':
    'Ceritakan masalahnya dengan kata-kata Anda sendiri: apa yang terjadi, kapan, dan siapa yang terlibat. Admin kabupaten akan membacanya.',
  'hint.complaint_short':
    'Ceritakan sedikit lebih lengkap (paling sedikit 10 huruf), supaya admin bisa menindaklanjuti.',
  'complaint.summary': 'Pengaduan Anda:\n📌 {about}\n📝 {text}\n\nKirim ke admin kabupaten?',
  'complaint.send': 'Ya, kirim',
  'complaint.rewrite': 'Tulis ulang',
  'complaint.filed':
    'Pengaduan *{number}* sudah kami terima ✅ Admin kabupaten akan menindaklanjutinya dan mengabari Anda di chat ini. Terima kasih sudah melapor.',
  'complaint.not_registered': 'Pengaduan lewat chat bisa dikirim setelah Anda terdaftar.',
  'admin.complaint_update': 'Tanggapan admin kabupaten atas pengaduan *{number}* ({status}):\n{text}',
  'admin.complaint_in_review': 'sedang diperiksa',
  'admin.complaint_resolved': 'selesai',
  'admin.complaint_dismissed': 'tidak dilanjutkan',
} as const;
