"""The seed plan (Kim Bảng district's KẾ HOẠCH, 2024) written by hand as a DocumentSpec: a TEST
ORACLE only. Pure: no Django.

The application never issues this spec: the plan is generated from the campaign (campaigns'
``plan_document.plan_content`` -> ``plan_spec.document_spec`` -> the engine). This hand-written
description serves two kinds of tests:

* the engine's own tests (thidua/documents/tests) use it as a rich, realistic document;
* the campaign's generator is checked against it: the plan generated from the Kim Bảng 2024
  preset equals this spec except for the differences listed in
  thidua/campaigns/tests/test_plan_spec.py (the review period is one setting, R2).

The source text (shared/seed/000_4be30ec671f9d110.txt) has numbering slips: its second part is
headed "I." again, "2.1." appears twice (commune and district level), and the third item under
"3." is numbered "2.3.". Here the structure is data and the numbers follow from the nesting, so
the rendered plan reads I. / II. / III., 2.1. / 2.2. and 3.1. / 3.2. / 3.3.
"""

from __future__ import annotations

from thidua.documents.spec import (
    Authority,
    DocumentSpec,
    Framed,
    IssuingBody,
    Item,
    Paragraph,
    Section,
    Signature,
    rich,
)

KIM_BANG_PEOPLES_COMMITTEE = IssuingBody(
    name=("ỦY BAN NHÂN DÂN", "HUYỆN KIM BẢNG"),
    abbreviation="UBND",
    place="Kim Bảng",
    full_name="Ủy ban nhân dân huyện Kim Bảng",
)

# The district's Emulation-Commendation Council keeps its own series ("…/TB-HĐTĐKT").
KIM_BANG_COUNCIL = IssuingBody(
    name=("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",),
    abbreviation="HĐTĐKT",
    place="Kim Bảng",
    superior=("UBND HUYỆN KIM BẢNG",),
    full_name="Hội đồng Thi đua - Khen thưởng huyện Kim Bảng",
)

SUMMARY = (
    "Tổ chức Hội nghị điển hình tiên tiến các cấp,",
    "tiến tới Đại hội Thi đua yêu nước tỉnh Hà Nam lần thứ XII",
)

# Every numbered heading, in order and numbered as the engine numbers them (the seed's slips
# corrected): what a rendered plan must show.
HEADINGS = (
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "2. Yêu cầu",
    "II. NỘI DUNG",
    "1. Những nội dung cần tập trung thực hiện từ nay đến Hội nghị điển hình tiên tiến",
    "2. Hình thức, thời gian tổ chức, thành phần, cơ cấu và số lượng đại biểu",
    "2.1. Đối với cấp xã",
    "2.2. Đối với cấp huyện",
    "3. Chương trình, nội dung Hội nghị",
    "3.1. Chương trình",
    "3.2. Một số hoạt động trước và trong dịp tổ chức",
    "3.3. Một số nội dung trọng tâm của Hội nghị",
    "a) Báo cáo tổng kết phong trào thi đua và công tác khen thưởng 05 năm qua",
    "b) Về báo cáo tham luận của các tập thể, cá nhân điển hình tiên tiến",
    "c) Trang trí phòng Hội nghị",
    "d) Tổ chức bình chọn, đề cử đại biểu Dự Hội nghị điển hình tiên tiến cấp trên",
    "đ) Xét khen thưởng điển hình tiên tiến",
    "4. Kinh phí tổ chức Hội nghị",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Ủy ban nhân dân các xã, thị trấn",
    "2. Phòng Nội vụ",
    "3. Đề nghị Ủy ban MTTQ Việt Nam, các tổ chức chính trị - xã hội",
    "4. Phòng Văn hóa- thông tin, Trung tâm Văn hóa, thông tin và thể thao",
)

# Plan §3.1: the nine programme items, in order (R8).
PROGRAMME = (
    "Tuyên bố lý do, giới thiệu đại biểu và khai mạc.",
    "Báo cáo tổng kết phong trào thi đua và công tác khen thưởng 5 năm qua, phương hướng, "
    "nhiệm vụ công tác thi đua, khen thưởng 5 năm tới.",
    "Báo cáo tham luận của các điển hình tiên tiến (Chú trọng lựa chọn điển hình thật sự tiêu "
    "biểu có sức lan tỏa, để lại ấn tượng tại Hội nghị).",
    "Tổ chức các hoạt động giao lưu với các điển hình tiên tiến.",
    "Biểu dương, tôn vinh, khen thưởng các điển hình tiên tiến.",
    "Phát động phong trào thi đua giai đoạn 2025-2030.",
    "Phát biểu hưởng ứng phát động phong trào thi đua.",
    "Thông qua danh sách đại biểu đi dự Đại hội cấp trên.",
    "Tổng kết và bế mạc.",
)

RECIPIENTS = (
    "Sở Nội vụ;",
    "TTHU, HĐND huyện,",
    "Lãnh đạo UBND huyện;",
    "Các cơ quan Đảng, các hội, đoàn thể;",
    "Các cơ quan, đơn vị thuộc huyện;",
    "Các cơ quan ngành tỉnh quản lý;",
    "Các doanh nghiệp nhà nước;",
    "UBND các xã, thị trấn;",
    "Lưu: VT, NV.",
)

SIGNATURE = Signature(
    title="CHỦ TỊCH",
    name="Nguyễn Thành Thăng",
    authority=(Authority("TM", "ỦY BAN NHÂN DÂN"),),
)

PURPOSE = (
    Item(
        "Đánh giá kết quả và tác dụng của phong trào thi đua yêu nước, công tác phát hiện, bồi "
        "dưỡng và nhân rộng điển hình tiên tiến từ sau Hội nghị điển hình tiên tiến các cấp giai "
        "đoạn 2015-2020 đến nay trong việc thực hiện các mục tiêu, nhiệm vụ phát triển kinh tế - "
        "xã hội, văn hóa, quốc phòng, an ninh của huyện; đề ra phương hướng, nhiệm vụ đẩy mạnh "
        "phong trào thi đua và nâng cao hiệu quả thực hiện công tác khen thưởng trong giai đoạn "
        "2025-2030."
    ),
    Item(
        "Biểu dương, khen thưởng thành tích trong phong trào thi đua yêu nước và tôn vinh các tập "
        "thể, cá nhân, các gương điển hình tiên tiến tiêu biểu trong các phong trào thi đua, qua "
        "đó khơi dậy và phát huy sức mạnh của khối đại đoàn kết toàn dân tộc, tạo động lực thực "
        "hiện thắng lợi các nhiệm vụ phát triển kinh tế - xã hội ở từng cấp, ngành, đơn vị theo "
        "Nghị quyết Đại hội Đảng các cấp."
    ),
    Item(
        "Tăng cường công tác tuyên truyền về phong trào thi đua yêu nước gắn với tuyên truyền "
        "thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh Học tập và "
        "làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và thực hiện mục tiêu phát triển "
        "kinh tế - xã hội của huyện, nhằm phát huy cao độ truyền thống thi đua yêu nước, khơi "
        "dậy ý thức tự giác, sức sáng tạo của quần chúng Nhân dân trên mọi lĩnh vực của đời "
        "sống xã hội."
    ),
    Item(
        "Thông qua Hội nghị điển hình tiên tiến rút ra các bài học kinh nghiệm về tổ chức phong "
        "trào thi đua và công tác khen thưởng; về xây dựng và nhân rộng các điển hình tiên tiến, "
        "chỉ ra những tồn tại, hạn chế cần khắc phục để tiếp tục đổi mới công tác thi đua, khen "
        "thưởng đạt hiệu quả cao trong thời gian tới. Đồng thời lựa chọn những tập thể, cá nhân "
        "tiêu biểu nhất qua các phong trào thi đua dự Đại hội Thi đua yêu nước tỉnh Hà Nam lần "
        "thứ XII, Đại hội Thi đua yêu nước toàn quốc lần thứ XI."
    ),
)

FOCUS_UNTIL_CONGRESS = (
    Item(
        "Đẩy mạnh công tác tuyên truyền tư tưởng của Chủ tịch Hồ Chí Minh về thi đua yêu nước, "
        "chủ trương đường lối của Đảng, chính sách, pháp luật của Nhà nước về thi đua, khen "
        "thưởng."
    ),
    Item(
        "Các cơ quan tuyên truyền tập trung tuyên truyền về Hội nghị điển hình tiên tiến các cấp "
        "và Đại hội Thi đua yêu nước tỉnh Hà Nam lần thứ XII; biểu dương ghi nhận những thành quả "
        "của phong trào thi đua yêu nước trên tất cả những lĩnh vực của đời sống xã hội, công tác "
        "xây dựng đảng, góp phần phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh của "
        "tỉnh, của huyện và đất nước; mở rộng nhiều hình thức tuyên truyền, biểu dương các điển "
        "hình tiên tiến, nhân tố mới, gương người tốt, việc tốt, tạo không khí sôi nổi, chào mừng "
        "kỷ niệm các ngày Lễ lớn trong năm 2024 và 2025, chào mừng Đại hội Đảng các cấp, Đại hội "
        "Thi đua yêu nước tỉnh Hà Nam lần thứ XII và Đại hội Thi đua yêu nước toàn quốc lần thứ XI."
    ),
    Item(
        "Tiếp tục quán triệt, tổ chức thực hiện tốt Luật Thi đua, khen thưởng năm 2022 và các văn "
        "bản quy định chi tiết thi hành; nâng cao nhận thức, trách nhiệm, chấp hành tốt các quy "
        "định của pháp luật về thi đua, khen thưởng của các cấp, các ngành và Nhân dân, để tiếp "
        "tục đổi mới công tác thi đua, khen thưởng, tạo động lực góp phần thực hiện có hiệu quả "
        "nhiệm vụ chính trị, thúc đẩy phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh "
        "của đất nước."
    ),
    Item(
        "Các ngành, các cấp, các địa phương phát động đợt thi đua đặc biệt, sôi nổi, sâu rộng, "
        "thiết thực, gắn với “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” nhằm "
        "phát huy sức mạnh của cả hệ thống chính trị, tạo sự đồng thuận của toàn xã hội, phấn đấu "
        "thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, đi đôi với thực hành tiết "
        "kiệm, chống tham nhũng, lãng phí, tiêu cực; bảo đảm an sinh xã hội, giảm nghèo bền vững, "
        "phòng chống thiên tai, dịch bệnh, giảm thiểu tai nạn giao thông, giữ vững ổn định chính "
        "trị, bảo đảm an ninh trật tự, an toàn xã hội, xây dựng Đảng, xây dựng hệ thống chính trị "
        "trong sạch vững mạnh; tập trung chỉ đạo triển khai có hiệu quả các phong trào thi đua "
        "trọng tâm do Thủ tướng Chính phủ phát động: “Cả nước chung sức xây dựng nông thôn mới”; "
        "“Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng "
        "phí”, “Vì người nghèo - Không để ai bị bỏ lại phía sau”, “Cán bộ, công chức, viên chức "
        "thi đua thực hiện văn hóa công sở”; “Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh "
        "học tập suốt đời giai đoạn 2023- 2030”; Cả nước chung tay “Xóa nhà tạm, nhà dột nát” "
        "trong năm 2025 và các phong trào thi đua do tỉnh phát động trên các lĩnh vực kinh tế - "
        "xã hội; an ninh - quốc phòng; phong trào thi đua trong các cơ quan đảng, chính quyền, "
        "Mặt trận và các tổ chức chính trị xã hội... Qua đó, đẩy mạnh công tác tuyên truyền, biểu "
        "dương, khen thưởng, tôn vinh các tập thể, cá nhân tiêu biểu, xuất sắc trong thực hiện "
        "các phong trào thi đua."
    ),
    Item(
        "Tổ chức tổng kết 10 năm thực hiện Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ "
        "Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng (thực hiện khi có chỉ đạo, "
        "hướng dẫn của cấp có thẩm quyền)."
    ),
    # The source breaks this item across a page ("suy tôn để biểu dương," / "tôn vinh ..."):
    # it is one item.
    Item(
        "Chú trọng việc phát hiện các điển hình tiên tiến, nhân tố mới thực sự tiêu biểu trong "
        "các phong trào thi đua, được quần chúng, tập thể suy tôn để biểu dương, tôn vinh kịp "
        "thời hoặc đề nghị cấp có thẩm quyền tặng thưởng các hình thức khen thưởng phù hợp; có kế "
        "hoạch bồi dưỡng, nhân rộng để các điển hình tiêu biểu được lan tỏa thực sự hiệu quả "
        "trong cuộc sống."
    ),
)

COMMUNE_LEVEL = Section(
    "Đối với cấp xã",
    (
        Item("Hình thức: Tổ chức “Hội nghị tuyên dương điển hình tiên tiến”."),
        Item("Thời gian tổ chức: 01 buổi vào Quý I năm 2025."),
        Item(
            "Thành phần, cơ cấu và số lượng đại biểu:",
            (
                Item(
                    "Thành phần, cơ cấu: Đại biểu khách mời; đại diện lãnh đạo các cấp, các "
                    "ngành; đại diện tập thể và cá nhân Anh hùng, Chiến sĩ thi đua, các gương "
                    "điển hình tiên tiến tiêu biểu xuất sắc, các điển hình tiên tiến là công "
                    "nhân, nông dân, người trực tiếp sản xuất, công tác, gương người tốt, việc "
                    "tốt (đại biểu điển hình tiên tiến chiếm 70%; đại biểu khách mời và lãnh đạo "
                    "các cấp, các ngành chiếm 30%);"
                ),
                Item(
                    "Số lượng đại biểu: Đơn vị có dưới 300 cán bộ, công chức, viên chức, người "
                    "lao động thì tổ chức Hội nghị toàn thể. Đơn vị có trên 300 cán bộ, công "
                    "chức, viên chức, người lao động thì tổ chức Hội nghị đại biểu nhưng số lượng "
                    "không quá 200 đại biểu; số lượng đại biểu do đơn vị tổ chức quyết định trên "
                    "cơ sở đề xuất của Thường trực Hội đồng Thi đua - Khen thưởng."
                ),
            ),
        ),
    ),
)

DISTRICT_LEVEL = Section(
    "Đối với cấp huyện",
    (
        Item("Hình thức: Tổ chức “Hội nghị điển hình tiên tiến”."),
        Item("Thời gian tổ chức: 01 buổi vào Quý II năm 2025."),
        Item(
            "Thành phần, cơ cấu và số lượng đại biểu:",
            (
                Item(
                    "Thành phần, cơ cấu: Đại biểu khách mời; đại diện lãnh đạo các cấp, các "
                    "ngành; đại diện tập thể và cá nhân Anh hùng, Chiến sĩ thi đua, các gương "
                    "điển hình tiên tiến, tiêu biểu có thành tích xuất sắc trong sản xuất, công "
                    "tác, các điển hình tiên tiến trong giai đoạn 2020-2025 (lựa chọn theo sự "
                    "phân bổ đại biểu của cấp trên); chú trọng lựa chọn cá nhân trực tiếp sản "
                    "xuất, công tác, học tập, chiến đấu, đại biểu nữ, đại biểu đại diện các thành "
                    "phần kinh tế (đại biểu điển hình tiên tiến chiếm 70%; đại biểu khách mời và "
                    "lãnh đạo các cấp, các ngành chiếm 30%);"
                ),
                Item("Số lượng: Tối đa 300 đại biểu."),
            ),
        ),
    ),
)

REPORT_OUTLINE = Section(
    "Báo cáo tổng kết phong trào thi đua và công tác khen thưởng 05 năm qua, phương hướng, "
    "nhiệm vụ công tác thi đua, khen thưởng 05 năm tới",
    (
        Paragraph(
            "Báo cáo phải nêu được những nét mới, sáng tạo, những phong trào thi đua thiết thực, "
            "hiệu quả, những mô hình mới góp phần hoàn thành nhiệm vụ chính trị và nhiệm vụ phát "
            "triển kinh tế - xã hội của địa phương (có thể xây dựng phóng sự, video clip, hình "
            "ảnh để minh họa cho nội dung báo cáo). Thông qua việc đánh giá kết quả của các phong "
            "trào thi đua yêu nước để biểu dương, tôn vinh các gương điển hình tiên tiến, gương "
            "người tốt, việc tốt; phân tích, đánh giá tác dụng của phong trào thi đua đối với "
            "việc thực hiện nhiệm vụ chính trị; từ đó rút ra các bài học kinh nghiệm chủ yếu "
            "trong công tác lãnh đạo, chỉ đạo tổ chức các phong trào thi đua và công tác khen "
            "thưởng."
        ),
        Paragraph("Bố cục và nội dung chính của báo cáo gồm:"),
        Item(
            "Phần tổng kết phong trào thi đua yêu nước và công tác khen thưởng:",
            (
                Item(
                    "Đánh giá kết quả đạt được của các phong trào thi đua yêu nước từ Hội nghị "
                    "lần trước đến nay; nêu rõ các phong trào thi đua tiêu biểu và đánh giá tác "
                    "động, tính thiết thực, hiệu quả của các phong trào thi đua yêu nước đó, góp "
                    "phần vào việc thực hiện nhiệm vụ chính trị, nhiệm vụ chuyên môn của đơn vị;"
                ),
                Item(
                    "Kết quả công tác khen thưởng; phân tích kết quả, chất lượng các hình thức "
                    "khen thưởng, việc khen thưởng cho người trực tiếp lao động, sản xuất, công "
                    "tác, chiến đấu và phục vụ chiến đấu, công nhân, nông dân, việc chấp hành các "
                    "quy định pháp luật về thi đua, khen thưởng;"
                ),
                Item(
                    "Đánh giá công tác lãnh đạo, chỉ đạo đổi mới tổ chức các phong trào thi đua "
                    "yêu nước và công tác thi đua, khen thưởng của cấp ủy Đảng, chính quyền, đoàn "
                    "thể trong những năm qua;"
                ),
                Item("Những tồn tại hạn chế chủ yếu, nguyên nhân và bài học kinh nghiệm."),
            ),
        ),
        Item(
            "Phần phương hướng nhiệm vụ:",
            (
                Item(
                    "Xác định phương hướng, mục tiêu chung của phong trào thi đua và công tác "
                    "khen thưởng trong 05 năm tới;"
                ),
                Item(
                    "Những nội dung chủ yếu đẩy mạnh các phong trào thi đua thực hiện nhiệm vụ "
                    "chính trị, nhiệm vụ chuyên môn của đơn vị;"
                ),
                Item(
                    "Công tác lãnh đạo, chỉ đạo đổi mới công tác thi đua, khen thưởng và các giải "
                    "pháp chủ yếu."
                ),
            ),
        ),
    ),
)

PRESENTATIONS = Section(
    "Về báo cáo tham luận của các tập thể, cá nhân điển hình tiên tiến",
    (
        Item(
            "Báo cáo điển hình phải được lựa chọn đảm bảo cơ cấu hợp lý; kết hợp giao lưu với các "
            "điển hình tiên tiến, có minh họa bằng hình ảnh, video clip, phóng sự (nếu có điều "
            "kiện). Nên lựa chọn những tập thể, cá nhân có những mô hình mới, sáng tạo trong các "
            "lĩnh vực sản xuất, công tác, đời sống."
        ),
        Item(
            "Số lượng báo cáo: Tùy thuộc vào thời gian tổ chức Hội nghị bảo đảm chất lượng, lựa "
            "chọn các báo cáo thực sự điển hình, có sức thuyết phục, nêu gương, giáo dục; bảo đảm "
            "tính đại diện các lĩnh vực, các thành phần."
        ),
        Item(
            "Trong chương trình Hội nghị có thể tổ chức một số nội dung, như: Đại biểu thiếu nhi "
            "chào mừng, biểu diễn văn nghệ, trao tặng các hình thức khen thưởng và giao lưu với "
            "các điển hình tiên tiến."
        ),
    ),
)

# Plan §3.3 c): the five-line backdrop (R12), as the plan sketches it.
BACKDROP = Section(
    "Trang trí phòng Hội nghị",
    (
        Framed(
            (
                "ĐƠN VỊ CẤP TRÊN",
                "TÊN ĐƠN VỊ",
                "HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN",
                "Giai đoạn 2021-2025",
                "....., ngày.....tháng năm 2025",
            )
        ),
    ),
)

DELEGATES_UPWARD = Section(
    "Tổ chức bình chọn, đề cử đại biểu Dự Hội nghị điển hình tiên tiến cấp trên, Đại hội Thi "
    "đua yêu nước tỉnh Hà Nam lần thứ XII và Đại hội Thi đua yêu nước toàn quốc lần thứ XI.",
    (
        Item(
            "Tùy theo điều kiện và địa điểm tổ chức Hội nghị đề các cấp, các ngành quyết định số "
            "lượng đại biểu dự Hội nghị nhưng phải bảo đảm thành phần, cơ cấu đại biểu nêu ở phần "
            "trên."
        ),
        Item(
            "Số lượng đại biểu dự Hội nghị điển hình tiên tiến cấp xã, cấp huyện và Đại hội Thi "
            "đua yêu nước tỉnh Hà Nam lần thứ XII do đơn vị cấp trên cơ sở phân bổ số lượng."
        ),
    ),
)

AWARDS = Section(
    "Xét khen thưởng điển hình tiên tiến",
    (
        Item(
            "Đối tượng khen thưởng là các tập thể, cá nhân điển hình tiên tiến tiêu biểu trong "
            "các phong trào thi đua ở cơ sở và các cơ quan, đơn vị, địa phương thuộc huyện giai "
            "đoạn 2021-2025."
        ),
        Item(
            "Cấp nào tổ chức Hội nghị điển hình tiên tiến thì cấp đó xem xét và quyết định khen "
            "thưởng theo thẩm quyền cho các tập thể, cá nhân điển hình tiên tiến tiêu biểu."
        ),
        Paragraph(
            rich(
                "*Lưu ý:* Chú trọng khen thưởng những tập thể nhỏ và cá nhân có thành tích xuất "
                "sắc trong lao động, công tác, trong hoạt động vì cộng đồng, hiệu quả sản xuất "
                "kinh doanh cao... hoặc những sáng kiến, phát minh có giá trị, mang lại hiệu quả "
                "thiết thực và nhiều lợi ích cho xã hội, cộng đồng."
            )
        ),
    ),
)

CONTENT = Section(
    "NỘI DUNG",
    (
        Section(
            "Những nội dung cần tập trung thực hiện từ nay đến Hội nghị điển hình tiên tiến và "
            "Đại hội Thi đua yêu nước tỉnh Hà Nam lần thứ XII",
            FOCUS_UNTIL_CONGRESS,
        ),
        Section(
            "Hình thức, thời gian tổ chức, thành phần, cơ cấu và số lượng đại biểu",
            (COMMUNE_LEVEL, DISTRICT_LEVEL),
        ),
        Section(
            "Chương trình, nội dung Hội nghị",
            (
                Section(
                    "Chương trình",
                    (
                        *(Item(entry) for entry in PROGRAMME),
                        Paragraph(
                            "Căn cứ nội dung, yêu cầu nêu trên, các địa phương có thể tổ chức các "
                            "hình thức đa dạng, phong phú, sáng tạo nhằm tôn vinh, biểu dương các "
                            "tập thể, cá nhân điển hình tiên tiến (như: Giao lưu trực tiếp với "
                            "các điển hình, xây dựng phóng sự, phim tư liệu để minh họa...)."
                        ),
                    ),
                ),
                Section(
                    "Một số hoạt động trước và trong dịp tổ chức",
                    (
                        Item(
                            "Đẩy mạnh tuyên truyền về tư tưởng thi đua yêu nước của Chủ tịch Hồ "
                            "Chí Minh, các chủ trương đường lối của Đảng, chính sách pháp luật "
                            "của Nhà nước về thi đua, khen thưởng, những điển hình trong các "
                            "phong trào thi đua yêu nước, gương người tốt, việc tốt."
                        ),
                        Item(
                            "Tổ chức đối thoại, gặp gỡ giữa lãnh đạo các cơ quan, đơn vị, địa "
                            "phương với các điển hình tiên tiến về dự Đại hội."
                        ),
                        Item(
                            "Giao lưu các điển hình tiên tiến trên các phương tiện truyền thông "
                            "của địa phương, đơn vị."
                        ),
                        Item(
                            "Tổ chức các hoạt động văn hóa, văn nghệ tuyên truyền, cổ động chào "
                            "mừng."
                        ),
                    ),
                ),
                Section(
                    "Một số nội dung trọng tâm của Hội nghị",
                    (REPORT_OUTLINE, PRESENTATIONS, BACKDROP, DELEGATES_UPWARD, AWARDS),
                ),
            ),
        ),
        Section("Kinh phí tổ chức Hội nghị", (Paragraph("Do ngân sách địa phương đảm bảo."),)),
    ),
)

IMPLEMENTATION = Section(
    "TỔ CHỨC THỰC HIỆN",
    (
        Section(
            "Ủy ban nhân dân các xã, thị trấn",
            (
                Item(
                    rich(
                        "Căn cứ vào kế hoạch này, xây dựng kế hoạch và triển khai thực hiện "
                        "nghiêm túc và gửi bản Kế hoạch về Ủy ban nhân dân huyện (qua Phòng Nội "
                        "vụ) **trước ngày 16/12/2024**;"
                    )
                ),
                Item(
                    "Tổ chức tốt Hội nghị điển hình tiên tiến, báo cáo kết quả về Ủy ban nhân "
                    "dân huyện (qua Phòng Nội vụ) theo đúng kế hoạch đã đề ra."
                ),
                Item(
                    "Tiếp tục phát động các phong trào thi đua yêu nước phấn đấu hoàn thành vượt "
                    "mức, toàn diện các chỉ tiêu kinh tế - xã hội, an ninh - quốc phòng năm 2024 "
                    "và kế hoạch 5 năm (2020 -2025), hoàn thành tốt các nhiệm vụ chính trị được "
                    "giao lập thành tích cao nhất chào mừng Đại hội Đảng các cấp, Đại hội Thi đua "
                    "yêu nước tỉnh Hà Nam lần thứ XII."
                ),
            ),
        ),
        Section(
            "Phòng Nội vụ",
            (
                Item(
                    "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu Ủy ban nhân dân "
                    "huyện tổ chức Hội nghị điển hình tiên tiến, giai đoạn 2020-2025"
                ),
                Item(
                    "Phối hợp với các đơn vị có liên quan tổ chức tốt công tác tuyên truyền các "
                    "phong trào thi đua yêu nước, các gương điển hình tiên tiến tiêu biểu trên "
                    "các lĩnh vực để tạo sức lan toả trong toàn xã hội."
                ),
            ),
        ),
        Section(
            "Đề nghị Ủy ban MTTQ Việt Nam, các tổ chức chính trị - xã hội",
            (
                Paragraph(
                    "Phối hợp chặt chẽ với chính quyền các cấp, phát huy sức mạnh khối đại đoàn "
                    "kết toàn dân trong việc vận động cán bộ, công chức, viên chức, người lao động "
                    "và các tầng lớp Nhân dân tích cực hưởng ứng và thực hiện phong trào thi đua "
                    "lập thành tích chào mừng Hội nghị điển hình tiên tiến các cấp, Đại hội Thi "
                    "đua yêu nước tỉnh Hà Nam lần thứ XII tiến tới Đại hội Thi đua yêu nước toàn "
                    "quốc lần thứ XI năm 2025."
                ),
            ),
        ),
        Section(
            "Phòng Văn hóa- thông tin, Trung tâm Văn hóa, thông tin và thể thao",
            (
                Item(
                    "Tổ chức tốt công tác tuyên truyền các phong trào thi đua yêu nước, các gương "
                    "điển hình tiên tiến tiêu biểu trên các lĩnh vực."
                ),
                Item(
                    "Mở chuyên đề, chuyên trang, chuyên mục, xây dựng phóng sự tuyên truyền về Đại "
                    "hội Thi đua yêu nước và Hội nghị điển hình tiên tiến các cấp tạo không khí "
                    "thi đua sôi nổi khắp trong toàn huyện."
                ),
            ),
        ),
    ),
)


def kim_bang_plan_2024() -> DocumentSpec:
    """The seed plan, undated and unnumbered as in the source (a draft)."""
    return DocumentSpec(
        type_code="KH",
        issuer=KIM_BANG_PEOPLES_COMMITTEE,
        summary=SUMMARY,
        year=2024,
        blocks=(
            Paragraph(
                "Căn cứ Kế hoạch số 2056/KH-UBND ngày 10/10/2024 của Ủy ban nhân dân tỉnh về tổ "
                "chức Hội nghị điển hình tiên tiến các cấp, tiến tới Đại hội Thi đua yêu nước tỉnh "
                "Hà Nam lần thứ XII."
            ),
            Paragraph("Ủy ban nhân dân huyện Kim Bảng xây dựng Kế hoạch của huyện như sau:"),
            Section(
                "MỤC ĐÍCH, YÊU CẦU",
                (
                    Section("Mục đích", PURPOSE),
                    Section(
                        "Yêu cầu",
                        (
                            Paragraph(
                                "Tổ chức Hội nghị điển hình tiên tiến các cấp bảo đảm trang "
                                "trọng, thiết thực, tiết kiệm, tránh phô trương, hình thức, lãng "
                                "phí."
                            ),
                        ),
                    ),
                ),
            ),
            CONTENT,
            IMPLEMENTATION,
            Paragraph(
                "Trên đây là Kế hoạch tổ chức Hội nghị điển hình tiên tiến các cấp, tiến tới Đại "
                "hội Thi đua yêu nước tỉnh Hà Nam lần thứ XII. Trong quá trình tổ chức thực hiện, "
                "nếu có vướng mắc, các cơ quan, đơn vị, địa phương phản ánh về Ủy ban nhân dân "
                "huyện (qua Phòng Nội vụ) để xem xét, giải quyết./."
            ),
        ),
        signature=SIGNATURE,
        recipients=RECIPIENTS,
    )
